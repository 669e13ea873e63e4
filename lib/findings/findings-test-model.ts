// Minimal cluster models for the findings table tests: one role bound one way, entries, aws-auth rows.
import type { PolicyRule } from '@/lib/access/policy-rule'
import type { AwsAuthMapping } from '@/lib/aws-auth/aws-auth-parse'
import { buildAuthIndex, type EntryFacts } from '@/lib/effective-access/identity'
import { buildRbacIndex } from '@/lib/effective-access/rbac-index'
import type { RbacBinding, RbacObjects, RbacRole, RbacSubject } from '@/lib/effective-access/rbac-model'

import type { IamExistence } from './entry-findings'
import { evaluateClusterFindings, type ClusterFacts } from './evaluate-findings'
import type { WorkloadChecks } from './workload-identity-findings'

export const CLUSTER = { region: 'us-west-2', name: 'prod' }
export const ACCOUNT = '111122223333'
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`
export const policyArn = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`

/** A ClusterRole `r` with these rules, bound to `subject` by a ClusterRoleBinding or a RoleBinding in `namespace`. */
export function bindRules(
  rules: PolicyRule[],
  opts: { namespace?: string; subject?: RbacSubject; roleName?: string; missingRole?: boolean } = {},
): RbacObjects {
  const role: RbacRole = { kind: 'ClusterRole', name: opts.roleName ?? 'r', labels: {}, rules }
  const binding: RbacBinding = {
    kind: opts.namespace ? 'RoleBinding' : 'ClusterRoleBinding',
    name: 'b',
    ...(opts.namespace ? { namespace: opts.namespace } : {}),
    roleRef: { kind: 'ClusterRole', name: opts.missingRole ? 'ghost' : role.name },
    subjects: [opts.subject ?? { kind: 'Group', name: 'devs' }],
  }
  return {
    roles: [],
    clusterRoles: [role],
    roleBindings: binding.kind === 'RoleBinding' ? [binding] : [],
    clusterRoleBindings: binding.kind === 'ClusterRoleBinding' ? [binding] : [],
  }
}

export const noRbac: RbacObjects = { roles: [], clusterRoles: [], roleBindings: [], clusterRoleBindings: [] }

/** A STANDARD access entry. */
export function entry(name: string, over: Partial<EntryFacts> = {}): EntryFacts {
  return {
    principalArn: roleArn(name),
    type: 'STANDARD',
    username: null,
    kubernetesGroups: [],
    policies: [],
    createdAt: '2025-01-01T00:00:00Z',
    ...over,
  }
}

/** An aws-auth mapRoles row. */
export function mapRole(name: string, groups: string[], arn = roleArn(name)): AwsAuthMapping {
  return { kind: 'role', arn, username: name, groups, extra: {} }
}

export type ModelInput = {
  rbac?: RbacObjects
  mode?: 'API' | 'API_AND_CONFIG_MAP' | 'CONFIG_MAP'
  entries?: EntryFacts[]
  mapRoles?: AwsAuthMapping[]
  namespaces?: string[] | null
  iam?: IamExistence
  workloads?: WorkloadChecks[]
}

/** The facts of one model cluster. */
export function buildFacts(input: ModelInput): ClusterFacts {
  return {
    cluster: CLUSTER,
    rbac: buildRbacIndex(input.rbac ?? noRbac),
    auth: buildAuthIndex({
      authenticationMode: input.mode ?? 'API_AND_CONFIG_MAP',
      accessEntries: input.entries ?? [],
      awsAuth: input.mapRoles
        ? { mapRoles: input.mapRoles, mapUsers: [], mapAccounts: [], problems: [], unreadable: [] }
        : undefined,
    }),
    namespaces: input.namespaces === undefined ? ['default', 'kube-system', 'team-a', 'team-b'] : input.namespaces,
    iam: input.iam,
    workloads: input.workloads,
  }
}

/** The rule ids one model cluster's findings carry. */
export function ruleIdsOf(input: ModelInput): string[] {
  return evaluateClusterFindings(buildFacts(input)).map((f) => f.ruleId)
}
