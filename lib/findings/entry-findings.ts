// The EKS side of findings: access entries and their policies, and the aws-auth rows — each only where the cluster's
// authentication mode reads it (docs/authentication-modes.md#the-three-modes): entries unless CONFIG_MAP, aws-auth
// unless API.
import { isServiceLinkedRole } from '@/lib/access/arn'
import { defaultUsername } from '@/lib/access/default-username'
import { accessPolicyRules, findAccessPolicy } from '@/lib/access/policy-catalogue'
import type { PolicyRule } from '@/lib/access/policy-rule'
import { namespaceMatchesScope } from '@/lib/access/rules'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { buildAccessPolicyPath } from '@/lib/effective-access/grant-path'
import { stripIamPath, type AuthIndex, type EntryFacts, type PolicyGrant } from '@/lib/effective-access/identity'
import { listSubjectKeys, type RbacIndex } from '@/lib/effective-access/rbac-index'

import { isBuiltInGroup, isPeopleEntry } from './exclusions'
import type { FindingCollector } from './finding-collector'
import { awsAuthFix, bindGroupFix, entryPoliciesFix } from './fix-links'
import { checkGrant, type PermissionHit } from './permission-checks'
import { permissionPhrases } from './permission-phrases'

/** What IAM says exists in the cluster's account (lower-cased names), or undefined when it could not be asked. */
export type IamExistence = { accountId: string; roleNames: ReadonlySet<string>; userNames: ReadonlySet<string> }

type Facts = {
  cluster: ClusterRef
  auth: AuthIndex
  rbac: RbacIndex
  namespaces: readonly string[] | null
  iam?: IamExistence
}
type Context = Facts & { decided: Map<string, PermissionHit[]> }

/** Whether IAM has the principal: true/false, or undefined when it cannot say (another account, not a role/user). */
export function principalExists(iam: IamExistence | undefined, arn: string): boolean | undefined {
  const m = /^arn:[^:]+:iam::(\d{12}):(role|user)\/(?:.*\/)?([^/]+)$/.exec(arn)
  if (!iam || !m || m[1] !== iam.accountId) return undefined
  return (m[2] === 'role' ? iam.roleNames : iam.userNames).has((m[3] ?? '').toLowerCase())
}

// A thousand entries hold the same few policies: decide each (policy, kind of scope) once per cluster. The probes only
// tell cluster scope, namespace scope reaching kube-system, and any other namespace scope apart.
function checkPolicy(ctx: Context, grant: PolicyGrant, rules: readonly PolicyRule[]): PermissionHit[] {
  const scope = grant.accessScope
  const key = `${grant.policyArn}|${scope.type}|${scope.type === 'namespace' && namespaceMatchesScope('kube-system', scope)}`
  let hits = ctx.decided.get(key)
  if (!hits) {
    hits = checkGrant(rules, scope)
    ctx.decided.set(key, hits)
  }
  return hits
}

function hasUserBinding(rbac: RbacIndex, entry: EntryFacts): boolean {
  const username = entry.username || defaultUsername(entry.principalArn, entry.type) || entry.principalArn
  return listSubjectKeys(rbac, { username, groups: [] }).some(
    (key) => rbac.clusterBindingsFor(key).length > 0 || rbac.roleBindingsFor(key).size > 0,
  )
}

function collectEntry(ctx: Context, entry: EntryFacts, out: FindingCollector): void {
  const { cluster } = ctx
  const who = `access entry ${entry.principalArn}`
  const subjectKey = `entry|${stripIamPath(entry.principalArn)}`
  // EKS creates and owns the service-linked role's entry; IAM may not list that role to the console.
  if (!isServiceLinkedRole(entry.principalArn) && principalExists(ctx.iam, entry.principalArn) === false)
    out.add({
      ruleId: 'access-entry-principal-missing',
      subjectKey,
      subject: who,
      message: () =>
        `IAM has no ${entry.principalArn}. EKS matched the entry to the principal's unique ID, so a principal recreated under that name does not get in; the entry is dead weight.`,
      path: { steps: [who, 'IAM: no such principal'], rule: null },
      fix: entryPoliciesFix(cluster, entry.principalArn),
    })
  if (!isPeopleEntry(entry.type)) return
  if (entry.policies.length === 0 && entry.kubernetesGroups.length === 0 && !hasUserBinding(ctx.rbac, entry))
    out.add({
      ruleId: 'access-entry-without-permissions',
      subjectKey,
      subject: who,
      message: () =>
        `${entry.principalArn} authenticates to the cluster but holds no access policy, no Kubernetes group and no binding of its username: every request is Forbidden.`,
      path: { steps: [who, 'no access policy', 'no Kubernetes group'], rule: null },
      fix: entryPoliciesFix(cluster, entry.principalArn),
    })
  for (const grant of entry.policies) {
    const info = findAccessPolicy(grant.policyArn)
    const rules = accessPolicyRules(grant.policyArn)
    const policyFix = entryPoliciesFix(cluster, entry.principalArn, grant)
    // Policies EKS designs for its own components (Auto Mode, add-ons) are its plumbing, not people's access.
    if (rules && info?.category === 'user')
      for (const hit of checkPolicy(ctx, grant, rules)) {
        const path = buildAccessPolicyPath(grant, hit.ruleIndex, undefined)
        out.add({
          ruleId: hit.ruleId,
          severity: hit.severity,
          subjectKey,
          subject: who,
          message: () => {
            const where =
              grant.accessScope.type === 'cluster'
                ? 'across the cluster'
                : `in ${grant.accessScope.namespaces.join(', ')}`
            return `${entry.principalArn} ${permissionPhrases[hit.ruleId] ?? 'holds this permission'} ${where} through ${path.policyName}.`
          },
          namespace: grant.accessScope.type === 'cluster' ? undefined : grant.accessScope.namespaces.join(', '),
          path: { steps: [who, ...path.text.split(' → ').slice(1)], rule: rules[hit.ruleIndex] ?? null },
          fix: policyFix,
        })
      }
    if (grant.accessScope.type !== 'namespace' || !ctx.namespaces) continue
    const namespaces = ctx.namespaces
    const unknown = grant.accessScope.namespaces.filter(
      (pattern) => !namespaces.some((ns) => namespaceMatchesScope(ns, { type: 'namespace', namespaces: [pattern] })),
    )
    for (const pattern of unknown)
      out.add({
        ruleId: 'access-scope-unknown-namespace',
        subjectKey: `${subjectKey}|${grant.policyArn}|${pattern}`,
        subject: who,
        message: () =>
          `${info?.name ?? grant.policyArn} is scoped to ${pattern.includes('*') ? 'the pattern' : 'namespace'} ${pattern}, which ${pattern.includes('*') ? 'matches no namespace' : 'does not exist'}: whoever creates it later hands ${entry.principalArn} that access.`,
        path: {
          steps: [
            who,
            `${info?.name ?? grant.policyArn} scoped to ${grant.accessScope.namespaces.join(', ')}`,
            `namespace ${pattern}: not in the cluster`,
          ],
          rule: null,
        },
        fix: policyFix,
      })
  }
}

function collectGroups(
  ctx: Context,
  holder: string,
  subjectKey: string,
  groups: readonly string[],
  out: FindingCollector,
) {
  for (const group of groups) {
    if (isBuiltInGroup(group) || ctx.rbac.groupNames.has(group)) continue
    out.add({
      ruleId: 'group-bound-to-nothing',
      subjectKey: `${subjectKey}|group|${group}`,
      subject: holder,
      message: () =>
        `${holder} puts its principal in group ${group}, but no RoleBinding or ClusterRoleBinding names that group: it grants nothing.`,
      path: { steps: [holder, `group ${group}`, 'no binding names it'], rule: null },
      fix: bindGroupFix(ctx.cluster, group),
    })
  }
}

/** Reports every access-entry and aws-auth finding of one cluster into the collector. */
export function collectEntryFindings(facts: Facts, out: FindingCollector): void {
  const ctx: Context = { ...facts, decided: new Map() }
  const mode = ctx.auth.facts.authenticationMode
  if (mode !== 'CONFIG_MAP')
    for (const entry of ctx.auth.facts.accessEntries) {
      collectEntry(ctx, entry, out)
      if (isPeopleEntry(entry.type))
        collectGroups(
          ctx,
          `access entry ${entry.principalArn}`,
          `entry|${stripIamPath(entry.principalArn)}`,
          entry.kubernetesGroups,
          out,
        )
    }
  const awsAuth = ctx.auth.facts.awsAuth
  if (mode === 'API' || !awsAuth) return
  for (const section of ['mapRoles', 'mapUsers'] as const)
    awsAuth[section].forEach((row, index) => {
      if (!row.arn) return
      const holder = `aws-auth ${section}[${index}] ${row.arn}`
      const subjectKey = `aws-auth|${section}|${row.arn.toLowerCase()}`
      const shadowed = mode === 'API_AND_CONFIG_MAP' && ctx.auth.entryByPrincipal.has(stripIamPath(row.arn))
      if (row.groups.includes('system:masters'))
        out.add({
          ruleId: 'aws-auth-system-masters',
          subjectKey,
          subject: holder,
          message: () =>
            `${row.arn} is mapped into system:masters: it bypasses RBAC and access policies, no binding can narrow it, and it is invisible to kubectl auth can-i --list.${shadowed ? ' Its access entry takes precedence today; deleting the entry brings this mapping back.' : ''} Prefer an access entry with AmazonEKSClusterAdminPolicy.`,
          path: {
            steps: [holder, 'group system:masters', 'superuser (bypasses RBAC and access policies)'],
            rule: null,
          },
          fix: awsAuthFix(ctx.cluster),
        })
      if (principalExists(ctx.iam, row.arn) === false)
        out.add({
          ruleId: 'aws-auth-principal-missing',
          subjectKey,
          subject: holder,
          message: () =>
            `IAM has no ${row.arn}. aws-auth matches by ARN, so anyone who creates a ${section === 'mapRoles' ? 'role' : 'user'} with that name gets this mapping's access (groups: ${row.groups.join(', ') || 'none'}).`,
          path: { steps: [holder, 'IAM: no such principal'], rule: null },
          fix: awsAuthFix(ctx.cluster),
        })
      if (!shadowed) collectGroups(ctx, holder, subjectKey, row.groups, out)
    })
}
