// The findings rule catalogue: one stable id per rule, named the way the RBAC scanners people already run name it
// (krane https://github.com/appvia/krane/blob/master/config/rules.yaml, rbac-police
// https://github.com/PaloAltoNetworks/rbac-police/tree/main/lib, KubiScan's risky roles
// https://github.com/cyberark/KubiScan/blob/master/risky_roles.yaml) so a finding reads like the report they know; the
// EKS-only rules (access entries, aws-auth, workload identity) have ids of our own. Severities follow the scanners'
// (krane "danger" → critical/high, "warning" → medium) and are explained in docs/findings.md#rules.

export const severities = ['critical', 'high', 'medium', 'low'] as const
export type Severity = (typeof severities)[number]

export const findingRuleIds = [
  'subjects-with-open-cluster-wide-access',
  'subjects-with-open-ns-level-access',
  'risky-list-secrets',
  'risky-get-secrets',
  'risky-impersonate-privileged-groups',
  'risky-any-resource-impersonate',
  'bind_roles',
  'escalate_roles',
  'risky-exec-pods',
  'risky-attach-pods',
  'nodes_proxy',
  'create-workloads-in-kube-system',
  'eks_modify_aws_auth',
  'approve_csrs',
  'token_request',
  'unauthenticated-subject-access',
  'subjects-with-non-existing-roles',
  'access-entry-without-permissions',
  'group-bound-to-nothing',
  'access-scope-unknown-namespace',
  'access-entry-principal-missing',
  'aws-auth-principal-missing',
  'aws-auth-system-masters',
  'workload-identity-check-failed',
  'cluster-disagrees-with-resolver',
] as const
export type FindingRuleId = (typeof findingRuleIds)[number]

/** Where a rule's name comes from: an anchor tool's own rule id, or this console's. */
export type RuleSource = { tool: 'krane' | 'rbac-police' | 'KubiScan' | 'eks-access-console'; name: string }

export type FindingRule = { id: FindingRuleId; title: string; severity: Severity; sources: RuleSource[] }

const krane = (name: string): RuleSource => ({ tool: 'krane', name })
const police = (name: string): RuleSource => ({ tool: 'rbac-police', name })
const kubiscan = (name: string): RuleSource => ({ tool: 'KubiScan', name })
const ours = (name: string): RuleSource => ({ tool: 'eks-access-console', name })

/** Every rule, in the order the docs list them. */
export const findingRules: Record<FindingRuleId, FindingRule> = {
  'subjects-with-open-cluster-wide-access': {
    id: 'subjects-with-open-cluster-wide-access',
    title: 'Unrestricted access to every resource in the cluster (cluster-admin)',
    severity: 'critical',
    sources: [krane('subjects-with-open-cluster-wide-access'), police('cluster_admin'), kubiscan('risky-any-verb')],
  },
  'subjects-with-open-ns-level-access': {
    id: 'subjects-with-open-ns-level-access',
    title: 'Unrestricted access to every resource in a namespace',
    severity: 'medium',
    sources: [krane('subjects-with-open-ns-level-access'), kubiscan('risky-any-verb')],
  },
  'risky-list-secrets': {
    id: 'risky-list-secrets',
    title: 'Lists Secrets',
    severity: 'high',
    sources: [krane('risky-list-secrets'), police('list_secrets'), kubiscan('risky-list-secrets')],
  },
  'risky-get-secrets': {
    id: 'risky-get-secrets',
    title: 'Reads any Secret by name',
    severity: 'medium',
    sources: [krane('risky-get-secrets'), police('retrieve_secrets'), kubiscan('risky-get-secrets')],
  },
  'risky-impersonate-privileged-groups': {
    id: 'risky-impersonate-privileged-groups',
    title: 'Impersonates any group, system:masters included',
    severity: 'critical',
    sources: [
      krane('risky-impersonate-privileged-groups'),
      police('impersonate'),
      kubiscan('risky-impersonate-groups'),
    ],
  },
  'risky-any-resource-impersonate': {
    id: 'risky-any-resource-impersonate',
    title: 'Impersonates users or service accounts',
    severity: 'high',
    sources: [
      krane('risky-any-resource-impersonate'),
      police('impersonate'),
      kubiscan('risky-any-resource-impersonate'),
    ],
  },
  bind_roles: {
    id: 'bind_roles',
    title: 'Binds roles it does not hold (bind)',
    severity: 'high',
    sources: [
      police('bind_roles'),
      krane('risky-create-rolebinding-clusterrole'),
      kubiscan('risky-create-rolebinding-role'),
      kubiscan('risky-create-rolebinding-clusterrole'),
      kubiscan('risky-create-clusterrolebinding-clusterrole'),
    ],
  },
  escalate_roles: {
    id: 'escalate_roles',
    title: 'Grants itself permissions by editing roles (escalate)',
    severity: 'high',
    sources: [police('escalate_roles')],
  },
  'risky-exec-pods': {
    id: 'risky-exec-pods',
    title: 'Runs commands in pods (pods/exec)',
    severity: 'high',
    sources: [krane('risky-exec-pods'), police('pods_exec'), kubiscan('risky-exec-pods')],
  },
  'risky-attach-pods': {
    id: 'risky-attach-pods',
    title: 'Attaches to running containers (pods/attach)',
    severity: 'high',
    sources: [krane('risky-attach-pods'), kubiscan('risky-attach-pods')],
  },
  nodes_proxy: {
    id: 'nodes_proxy',
    title: 'Reaches the kubelet API through nodes/proxy',
    severity: 'high',
    sources: [police('nodes_proxy'), kubiscan('risky-execute-command-node-proxy')],
  },
  'create-workloads-in-kube-system': {
    id: 'create-workloads-in-kube-system',
    title: 'Creates or patches workloads in kube-system',
    severity: 'high',
    sources: [
      krane('risky-create-daemonsets'),
      krane('risky-create-deployments'),
      police('modify_pods'),
      kubiscan('risky-create-pod'),
      kubiscan('risky-create-deployments'),
      kubiscan('risky-create-daemonsets'),
    ],
  },
  eks_modify_aws_auth: {
    id: 'eks_modify_aws_auth',
    title: 'Changes the aws-auth ConfigMap',
    severity: 'critical',
    sources: [police('eks_modify_aws_auth')],
  },
  approve_csrs: {
    id: 'approve_csrs',
    title: 'Approves certificate signing requests',
    severity: 'high',
    sources: [police('approve_csrs')],
  },
  token_request: {
    id: 'token_request',
    title: 'Creates service-account tokens',
    severity: 'medium',
    sources: [police('token_request')],
  },
  'unauthenticated-subject-access': {
    id: 'unauthenticated-subject-access',
    title: 'Grants anonymous requests (system:unauthenticated, system:anonymous)',
    severity: 'critical',
    sources: [ours('unauthenticated-subject-access')],
  },
  'subjects-with-non-existing-roles': {
    id: 'subjects-with-non-existing-roles',
    title: 'Binding to a role that does not exist',
    severity: 'medium',
    sources: [krane('subjects-with-non-existing-roles')],
  },
  'access-entry-without-permissions': {
    id: 'access-entry-without-permissions',
    title: 'Access entry with neither an access policy nor a Kubernetes group',
    severity: 'low',
    sources: [ours('access-entry-without-permissions')],
  },
  'group-bound-to-nothing': {
    id: 'group-bound-to-nothing',
    title: 'Kubernetes group that no RBAC binding names',
    severity: 'low',
    sources: [ours('group-bound-to-nothing')],
  },
  'access-scope-unknown-namespace': {
    id: 'access-scope-unknown-namespace',
    title: 'Access-policy scope names a namespace that does not exist',
    severity: 'low',
    sources: [ours('access-scope-unknown-namespace')],
  },
  'access-entry-principal-missing': {
    id: 'access-entry-principal-missing',
    title: 'Access entry for an IAM principal that no longer exists',
    severity: 'low',
    sources: [ours('access-entry-principal-missing')],
  },
  'aws-auth-principal-missing': {
    id: 'aws-auth-principal-missing',
    title: 'aws-auth mapping for an IAM principal that no longer exists',
    severity: 'high',
    sources: [ours('aws-auth-principal-missing')],
  },
  'aws-auth-system-masters': {
    id: 'aws-auth-system-masters',
    title: 'aws-auth maps a principal into system:masters',
    severity: 'high',
    sources: [ours('aws-auth-system-masters')],
  },
  'workload-identity-check-failed': {
    id: 'workload-identity-check-failed',
    title: 'Workload identity check fails',
    severity: 'medium',
    sources: [ours('workload-identity-check-failed')],
  },
  'cluster-disagrees-with-resolver': {
    id: 'cluster-disagrees-with-resolver',
    title: "The cluster's SubjectAccessReview disagrees with the console's resolver",
    severity: 'high',
    sources: [ours('cluster-disagrees-with-resolver')],
  },
}

/** One step less severe (a namespace-confined grant of a cluster-wide risk); low stays low. */
export function lowerSeverity(severity: Severity): Severity {
  return severities[Math.min(severities.indexOf(severity) + 1, severities.length - 1)] as Severity
}
