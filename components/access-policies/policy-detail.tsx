import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { CopyButton } from '@/components/ui/copy-button'
import type { AccessPolicyDto } from '@/lib/access/access-entry-dto'

import { describeCategory } from './policy-labels'
import { PolicyRulesTable } from './policy-rules-table'

/** One access policy: what it is for, where it is usually scoped, and its Kubernetes rules (or why they are missing). */
export function PolicyDetail({ policy }: { policy: AccessPolicyDto }) {
  const category = describeCategory(policy)
  return (
    <section
      aria-labelledby="policy-heading"
      className="space-y-4 rounded-lg border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="space-y-2">
        <h2 id="policy-heading" className="text-lg font-semibold break-words">
          {policy.name}
        </h2>
        <div className="flex flex-wrap gap-1.5">
          <Badge tone={category.tone}>{category.label}</Badge>
          {policy.typicalScope ? (
            <Badge>{policy.typicalScope === 'cluster' ? 'Usually cluster scope' : 'Usually namespace scope'}</Badge>
          ) : null}
          {policy.managedByEks ? <Badge tone="violet">Managed by EKS</Badge> : null}
          {policy.documented ? null : <Badge tone="amber">Rules not documented</Badge>}
        </div>
        <p className="flex items-center gap-1 font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">
          {policy.arn}
          <CopyButton value={policy.arn} label={`Copy the ARN of ${policy.name}`} />
        </p>
      </div>
      {policy.summary ? <p className="text-sm">{policy.summary}</p> : null}
      {policy.managedByEks ? (
        <Alert variant="info" title="EKS associates this policy itself">
          EKS attaches it to the entries it creates (EKS Auto Mode, its own service-linked role). Leave those
          associations alone, and don&rsquo;t use the policy for people.
        </Alert>
      ) : null}
      {policy.rules && policy.rules.length > 0 ? (
        <PolicyRulesTable policy={policy.name} rules={policy.rules} />
      ) : (
        <Alert variant="warning" title="Rules not documented">
          {policy.category === null
            ? 'This console does not know this policy yet: AWS adds access policies over time, and ListAccessPolicies returns only names and ARNs, never what a policy allows. '
            : 'AWS has not published the Kubernetes permissions of this policy. '}
          Check the access policy reference in the EKS user guide before associating it.
        </Alert>
      )}
    </section>
  )
}
