// The permission rules (cluster-admin breadth, secrets, impersonate, bind, escalate, exec/attach, node proxy,
// kube-system workloads, aws-auth, CSRs, tokens) asked of one grant: a role's rules where a binding applies them, or an
// access policy's rules within its scope. Each rule is a set of probe requests decided by the resolver's own matcher
// (lib/access/rules, kube-apiserver's RBAC semantics), so wildcards, subresources and resourceNames count exactly as
// they do for effective access; the probes carry the risk tags lib/effective-access/risk.ts gives those requests.
import type { PolicyRule } from '@/lib/access/policy-rule'
import { namespaceMatchesScope, ruleAllows, type RequestAttributes } from '@/lib/access/rules'
import type { RiskTag } from '@/lib/effective-access/risk'

import { findingRules, lowerSeverity, type FindingRuleId, type Severity } from './finding-rules'

/** Where a grant applies: a ClusterRoleBinding or cluster-scoped policy everywhere, else some namespaces. */
export type GrantScope = { type: 'cluster' | 'namespace'; namespaces: readonly string[] }

type Probe = RequestAttributes & {
  /** The resource is cluster-scoped (nodes, groups): only a cluster-wide grant reaches it. */
  clusterScoped?: boolean
}

/** One permission rule: its probes (any allowed → fires) and the risk tag risk.ts gives those requests. */
export type PermissionCheck = { ruleId: FindingRuleId; probes: Probe[]; risk?: RiskTag }

const RBAC = 'rbac.authorization.k8s.io'
const KS = 'kube-system'
const OPEN: Probe = { verb: '*', apiGroup: '*', resource: '*' }
const both = (verbs: string[], probe: Omit<Probe, 'verb'>): Probe[] => verbs.map((verb) => ({ ...probe, verb }))

const WORKLOADS: [string, string][] = [
  ['', 'pods'],
  ['apps', 'deployments'],
  ['apps', 'daemonsets'],
  ['apps', 'statefulsets'],
  ['apps', 'replicasets'],
  ['batch', 'jobs'],
  ['batch', 'cronjobs'],
]

/** The checks after the open-access one, in the order findings list them. */
export const permissionChecks: readonly PermissionCheck[] = [
  { ruleId: 'risky-list-secrets', risk: 'read-secrets', probes: [{ verb: 'list', apiGroup: '', resource: 'secrets' }] },
  { ruleId: 'risky-get-secrets', risk: 'read-secrets', probes: [{ verb: 'get', apiGroup: '', resource: 'secrets' }] },
  {
    ruleId: 'risky-impersonate-privileged-groups',
    risk: 'impersonate',
    probes: [{ verb: 'impersonate', apiGroup: '', resource: 'groups', name: 'system:masters', clusterScoped: true }],
  },
  {
    ruleId: 'risky-any-resource-impersonate',
    risk: 'impersonate',
    probes: [
      { verb: 'impersonate', apiGroup: '', resource: 'users', clusterScoped: true },
      { verb: 'impersonate', apiGroup: '', resource: 'serviceaccounts' },
    ],
  },
  {
    ruleId: 'bind_roles',
    risk: 'bind-roles',
    probes: [
      { verb: 'bind', apiGroup: RBAC, resource: 'clusterroles' },
      { verb: 'bind', apiGroup: RBAC, resource: 'roles' },
    ],
  },
  {
    ruleId: 'escalate_roles',
    risk: 'escalate-roles',
    probes: [
      { verb: 'escalate', apiGroup: RBAC, resource: 'clusterroles' },
      { verb: 'escalate', apiGroup: RBAC, resource: 'roles' },
    ],
  },
  {
    ruleId: 'risky-exec-pods',
    risk: 'exec-into-pods',
    probes: both(['create', 'get'], { apiGroup: '', resource: 'pods', subresource: 'exec' }),
  },
  {
    ruleId: 'risky-attach-pods',
    risk: 'exec-into-pods',
    probes: both(['create', 'get'], { apiGroup: '', resource: 'pods', subresource: 'attach' }),
  },
  {
    ruleId: 'nodes_proxy',
    risk: 'node-proxy',
    probes: both(['get', 'create'], { apiGroup: '', resource: 'nodes', subresource: 'proxy', clusterScoped: true }),
  },
  {
    ruleId: 'create-workloads-in-kube-system',
    risk: 'workloads-in-kube-system',
    probes: WORKLOADS.flatMap(([apiGroup, resource]) =>
      both(['create', 'patch'], { apiGroup, resource, namespace: KS }),
    ),
  },
  {
    ruleId: 'eks_modify_aws_auth',
    risk: 'modify-aws-auth',
    // rbac-police's rule: update/patch of kube-system ConfigMaps whose resourceNames are unset or name aws-auth.
    probes: both(['update', 'patch'], { apiGroup: '', resource: 'configmaps', namespace: KS, name: 'aws-auth' }),
  },
  {
    ruleId: 'approve_csrs',
    risk: 'approve-certificates',
    probes: both(['update', 'patch'], {
      apiGroup: 'certificates.k8s.io',
      resource: 'certificatesigningrequests',
      subresource: 'approval',
      clusterScoped: true,
    }),
  },
  {
    ruleId: 'token_request',
    risk: 'create-tokens',
    probes: [{ verb: 'create', apiGroup: '', resource: 'serviceaccounts', subresource: 'token' }],
  },
]

/**
 * A permission rule that fires for a grant, with the first role/policy rule that allows one of its probes and that
 * probe (the request the cluster can be asked about, docs/findings.md#cross-check-with-the-cluster).
 */
export type PermissionHit = { ruleId: FindingRuleId; ruleIndex: number; severity: Severity; probe: RequestAttributes }

function scopeReaches(probe: Probe, scope: GrantScope): boolean {
  if (probe.clusterScoped) return scope.type === 'cluster'
  return probe.namespace ? namespaceMatchesScope(probe.namespace, scope) : true
}

function firstRuleAllowing(
  rules: readonly PolicyRule[],
  probes: readonly Probe[],
  scope: GrantScope,
): { ruleIndex: number; probe: RequestAttributes } | undefined {
  for (const probe of probes) {
    if (!scopeReaches(probe, scope)) continue
    const ruleIndex = rules.findIndex((rule) => ruleAllows(rule, probe))
    if (ruleIndex === -1) continue
    const { clusterScoped: _clusterScoped, ...request } = probe
    return { ruleIndex, probe: request }
  }
  return undefined
}

/**
 * The permission rules a grant trips. Unrestricted access (`*` verbs on `*` resources in `*` groups) subsumes every
 * other rule, so it is reported alone; a secrets lister is not also reported as a secrets getter. A grant confined to
 * namespaces other than kube-system reports a rule one severity lower.
 */
export function checkGrant(rules: readonly PolicyRule[], scope: GrantScope): PermissionHit[] {
  const open = firstRuleAllowing(rules, [OPEN], scope)
  if (open) {
    const ruleId =
      scope.type === 'cluster' ? 'subjects-with-open-cluster-wide-access' : 'subjects-with-open-ns-level-access'
    return [{ ruleId, ...open, severity: findingRules[ruleId].severity }]
  }
  const hits: PermissionHit[] = []
  for (const check of permissionChecks) {
    if (check.ruleId === 'risky-get-secrets' && hits.some((h) => h.ruleId === 'risky-list-secrets')) continue
    const found = firstRuleAllowing(rules, check.probes, scope)
    if (!found) continue
    const base = findingRules[check.ruleId].severity
    // kube-system holds the controllers' tokens: a grant there is as serious as a cluster-wide one.
    const confined = scope.type === 'namespace' && !namespaceMatchesScope('kube-system', scope)
    const severity = confined ? lowerSeverity(base) : base
    hits.push({ ruleId: check.ruleId, ...found, severity })
  }
  return hits
}
