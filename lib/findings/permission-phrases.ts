// The permission rules in a sentence ("Group devs can list Secrets in namespace team-a").
import type { FindingRuleId } from './finding-rules'

/** What a subject holding the rule's permission can do, completed by where ("across the cluster"). */
export const permissionPhrases: Partial<Record<FindingRuleId, string>> = {
  'subjects-with-open-cluster-wide-access': 'may do anything to every resource (every verb, every API group)',
  'subjects-with-open-ns-level-access': 'may do anything to every resource',
  'risky-list-secrets': 'can list Secrets (every service-account token and credential)',
  'risky-get-secrets': 'can read any Secret whose name it knows',
  'risky-impersonate-privileged-groups': 'can impersonate any group, system:masters included',
  'risky-any-resource-impersonate': 'can impersonate users or service accounts',
  bind_roles: 'can bind roles with permissions it does not hold',
  escalate_roles: 'can edit roles to add permissions it does not hold',
  'risky-exec-pods': 'can run commands in pods (pods/exec)',
  'risky-attach-pods': 'can attach to running containers (pods/attach)',
  nodes_proxy: 'can reach the kubelet API through nodes/proxy, bypassing API-server audit and admission,',
  'create-workloads-in-kube-system':
    'can create or patch workloads in kube-system, next to its most privileged service accounts,',
  eks_modify_aws_auth: 'can change the aws-auth ConfigMap (who may sign in, and as what),',
  approve_csrs: 'can approve certificate signing requests (client certificates for any identity)',
  token_request: 'can create service-account tokens',
}
