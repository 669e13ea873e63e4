// The wire shape of one Kubernetes PolicyRule (./policy-rule.ts), for every answer that carries rules: access
// policies, RBAC roles, effective-access paths and findings. Apart from policy-rule.ts because that one is zod-free.
import { z } from 'zod'

export const policyRuleSchema = z.object({
  verbs: z.array(z.string()),
  apiGroups: z.array(z.string()).optional(),
  resources: z.array(z.string()).optional(),
  resourceNames: z.array(z.string()).optional(),
  nonResourceURLs: z.array(z.string()).optional(),
})
