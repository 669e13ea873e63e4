// Permissions that are dangerous to hold, named the way krane, KubiScan and rbac-police name them so people recognise
// them (https://github.com/appvia/krane, https://github.com/cyberark/KubiScan, https://github.com/PaloAltoNetworks/rbac-police).
// One request → at most one risk tag. Findings (issue 14 item 5) reuse these tags.
import type { RequestAttributes } from '@/lib/access/rules'

export const riskTags = [
  'read-secrets',
  'exec-into-pods',
  'impersonate',
  'bind-roles',
  'escalate-roles',
  'node-proxy',
  'workloads-in-kube-system',
  'modify-aws-auth',
  'approve-certificates',
  'create-tokens',
] as const
export type RiskTag = (typeof riskTags)[number]

/** A sentence per tag, for the matrix legend and findings. */
export const riskDescriptions: Record<RiskTag, string> = {
  'read-secrets': 'Reads Secrets: service-account tokens and credentials stored in the cluster.',
  'exec-into-pods': 'Runs commands in, or attaches to, running containers (pods/exec, pods/attach).',
  impersonate: 'Acts as another user, group or service account (impersonate).',
  'bind-roles': 'Binds roles it does not hold itself (bind): a path to cluster-admin.',
  'escalate-roles': 'Edits roles to grant permissions it does not hold (escalate).',
  'node-proxy': "Reaches the kubelet API through nodes/proxy, which bypasses the API server's audit and admission.",
  'workloads-in-kube-system':
    'Creates or changes workloads in kube-system, where the most privileged service accounts run.',
  'modify-aws-auth': 'Changes kube-system ConfigMaps, including aws-auth: who may sign in and as what.',
  'approve-certificates': 'Approves certificate signing requests, which can mint client certificates for any identity.',
  'create-tokens': 'Creates service-account tokens (serviceaccounts/token).',
}

const READ = new Set(['get', 'list', 'watch', '*'])
const WRITE = new Set(['create', 'update', 'patch', 'delete', 'deletecollection', '*'])
const WORKLOADS = new Set(['pods', 'deployments', 'statefulsets', 'daemonsets', 'replicasets', 'jobs', 'cronjobs'])

/** The risk a request carries, if any (evaluated on the request, not the rule: a `*` rule is risky where it allows these). */
export function classifyRisk(attrs: RequestAttributes): RiskTag | undefined {
  if (attrs.nonResourceURL !== undefined) return undefined
  const { verb, resource, subresource, namespace } = attrs
  if (resource === 'secrets' && !subresource && READ.has(verb)) return 'read-secrets'
  if (
    resource === 'pods' &&
    (subresource === 'exec' || subresource === 'attach') &&
    (verb === 'create' || verb === 'get')
  )
    return 'exec-into-pods'
  if (verb === 'impersonate') return 'impersonate'
  if (verb === 'bind' && (resource === 'roles' || resource === 'clusterroles')) return 'bind-roles'
  if (verb === 'escalate' && (resource === 'roles' || resource === 'clusterroles')) return 'escalate-roles'
  if (resource === 'nodes' && subresource === 'proxy') return 'node-proxy'
  if (namespace === 'kube-system' && WORKLOADS.has(resource) && !subresource && WRITE.has(verb))
    return 'workloads-in-kube-system'
  if (namespace === 'kube-system' && resource === 'configmaps' && (verb === 'update' || verb === 'patch'))
    return 'modify-aws-auth'
  if (
    resource === 'certificatesigningrequests' &&
    subresource === 'approval' &&
    (verb === 'update' || verb === 'patch')
  )
    return 'approve-certificates'
  if (resource === 'serviceaccounts' && subresource === 'token' && verb === 'create') return 'create-tokens'
  return undefined
}
