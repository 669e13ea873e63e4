// The before/after access comparison of one migrated principal. What is compared, and only that: a fixed set of
// requests (below), asked of the cluster for the identity aws-auth gives (username + groups, which covers RBAC and
// system:masters) and for the identity the access entry gives (its username + groups through RBAC, plus the published
// rules of its access policies at their scope). Templates ({{SessionName}}…) are compared as written: a RoleBinding
// naming a rendered session name is not seen. Node and Fargate entries get EKS's own identity and are not probed.
import type { RequestAttributes } from '@/lib/access/rules'

import type { MigrationItem } from './migration-plan'

/** A request both identities are asked about. */
export type AccessProbe = { label: string; attrs: RequestAttributes }

export const accessProbes: readonly AccessProbe[] = [
  { label: 'get pods in default', attrs: { verb: 'get', apiGroup: '', resource: 'pods', namespace: 'default' } },
  { label: 'list secrets in every namespace', attrs: { verb: 'list', apiGroup: '', resource: 'secrets' } },
  {
    label: 'create deployments in default',
    attrs: { verb: 'create', apiGroup: 'apps', resource: 'deployments', namespace: 'default' },
  },
  { label: 'list nodes', attrs: { verb: 'list', apiGroup: '', resource: 'nodes' } },
  { label: 'delete namespaces', attrs: { verb: 'delete', apiGroup: '', resource: 'namespaces' } },
  {
    label: 'create clusterrolebindings',
    attrs: { verb: 'create', apiGroup: 'rbac.authorization.k8s.io', resource: 'clusterrolebindings' },
  },
]

export type ProbeResult = { label: string; before: boolean; after: boolean }

export type PrincipalComparison = {
  id: string
  principalArn: string
  /** same: every probe answers alike; differs: at least one does; eks-managed: node/Fargate identity, not probed. */
  verdict: 'same' | 'differs' | 'eks-managed' | 'error'
  probes: ProbeResult[]
  message?: string
}

/** The verdict over the probe answers. */
export function compareProbes(
  item: Pick<MigrationItem, 'id'> & { principalArn: string },
  probes: ProbeResult[],
): PrincipalComparison {
  const differs = probes.some((p) => p.before !== p.after)
  return { id: item.id, principalArn: item.principalArn, verdict: differs ? 'differs' : 'same', probes }
}
