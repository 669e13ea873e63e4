import type { ConformanceRow } from './conformance-types'

// RBAC escalation prevention (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping):
// the developer role's entry carries the group `{prefix}-rbac-writers`, which the admin lets create Roles and
// RoleBindings in `{namespace}`. Granting what it does not hold is refused with kube-apiserver's message
// (pkg/registry/rbac/validation/rule.go ConfirmNoEscalation, wrapped in a Forbidden for the object); `bind` on the
// ClusterRole, or `escalate` on roles, lets the same request through. Access policies never count as held rules:
// the EKS authorizer is a webhook, which only the bind/escalate checks consult.

const RBAC = 'rbac.authorization.k8s.io'
const NOT_HELD = 'is attempting to grant RBAC permissions not currently held:'
const ns = ['-n', '{namespace}']

/** A row the admin runs through its own kubeconfig; it must succeed. */
function adminCreates(title: string, args: string[], created: string, smoke = false): ConformanceRow {
  return {
    area: 'escalation',
    title,
    smoke,
    tool: 'kubectl',
    as: 'kube-admin',
    args: ['create', ...args],
    expect: { exit: 0, stdout: [`${created} created`] },
  }
}

const grab = ['create', 'rolebinding', '{prefix}-grab', ...ns, '--clusterrole={prefix}-secret-reader', '--user=x']
const peek = ['create', 'role', '{prefix}-peek', ...ns, '--verb=get', '--resource=secrets']

/** The escalation rows, in order (they run in the main chain, after the kubeconfig rows). */
export function buildEscalationRows(): ConformanceRow[] {
  return [
    adminCreates(
      'a ClusterRole that reads secrets',
      ['clusterrole', '{prefix}-secret-reader', '--verb=get,list', '--resource=secrets'],
      `clusterrole.${RBAC}/{prefix}-secret-reader`,
      true,
    ),
    adminCreates(
      'a Role that may create Roles and RoleBindings in the namespace',
      ['role', '{prefix}-rbac-writer', ...ns, '--verb=create,get', `--resource=roles.${RBAC},rolebindings.${RBAC}`],
      `role.${RBAC}/{prefix}-rbac-writer`,
      true,
    ),
    adminCreates(
      'bound to the developer entry’s group',
      ['rolebinding', '{prefix}-rbac-writer', ...ns, '--role={prefix}-rbac-writer', '--group={prefix}-rbac-writers'],
      `rolebinding.${RBAC}/{prefix}-rbac-writer`,
      true,
    ),
    {
      area: 'escalation',
      title: 'the developer may now create RoleBindings there',
      tool: 'kubectl',
      as: 'kube-dev',
      args: ['auth', 'can-i', 'create', 'rolebindings', ...ns],
      expect: { exit: 0, stdout: ['yes'] },
    },
    {
      area: 'escalation',
      title: 'but not bind a role whose permissions it lacks (Forbidden, the missing rules listed)',
      smoke: true,
      tool: 'kubectl',
      as: 'kube-dev',
      args: grab,
      expect: {
        exit: 'fail',
        error: `${NOT_HELD}\n{APIGroups:[""], Resources:["secrets"], Verbs:["get" "list"]}`,
      },
    },
    {
      area: 'escalation',
      title: 'nor create a Role granting more than it holds',
      tool: 'kubectl',
      as: 'kube-dev',
      args: peek,
      expect: { exit: 'fail', error: `${NOT_HELD}\n{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}` },
    },
    adminCreates(
      'a Role with bind on that ClusterRole only',
      [
        'role',
        '{prefix}-binder',
        ...ns,
        '--verb=bind',
        `--resource=clusterroles.${RBAC}`,
        '--resource-name={prefix}-secret-reader',
      ],
      `role.${RBAC}/{prefix}-binder`,
    ),
    adminCreates(
      'bound to the same group',
      ['rolebinding', '{prefix}-binder', ...ns, '--role={prefix}-binder', '--group={prefix}-rbac-writers'],
      `rolebinding.${RBAC}/{prefix}-binder`,
    ),
    {
      area: 'escalation',
      title: 'with bind, the same RoleBinding is created',
      tool: 'kubectl',
      as: 'kube-dev',
      args: grab,
      expect: { exit: 0, stdout: [`rolebinding.${RBAC}/{prefix}-grab created`] },
    },
    adminCreates(
      'a Role with escalate on roles',
      ['role', '{prefix}-escalator', ...ns, '--verb=escalate', `--resource=roles.${RBAC}`],
      `role.${RBAC}/{prefix}-escalator`,
    ),
    adminCreates(
      'bound to the same group',
      ['rolebinding', '{prefix}-escalator', ...ns, '--role={prefix}-escalator', '--group={prefix}-rbac-writers'],
      `rolebinding.${RBAC}/{prefix}-escalator`,
    ),
    {
      area: 'escalation',
      title: 'with escalate, the same Role is created',
      tool: 'kubectl',
      as: 'kube-dev',
      args: peek,
      expect: { exit: 0, stdout: [`role.${RBAC}/{prefix}-peek created`] },
    },
  ]
}

/** Cleanup rows for what the escalation rows made (tolerant of rows that failed before creating it). */
export function buildEscalationCleanupRows(): ConformanceRow[] {
  const del = (title: string, args: string[]): ConformanceRow => ({
    area: 'cleanup',
    title,
    tool: 'kubectl',
    as: 'kube-admin',
    args: ['delete', ...args, '--ignore-not-found'],
    expect: { exit: 0 },
  })
  const names = (...suffixes: string[]) => suffixes.map((s) => `{prefix}-${s}`)
  return [
    del('delete the escalation RoleBindings', [
      'rolebinding',
      ...names('rbac-writer', 'binder', 'escalator', 'grab'),
      ...ns,
    ]),
    del('delete the escalation Roles', ['role', ...names('rbac-writer', 'binder', 'escalator', 'peek'), ...ns]),
    del('delete the secret-reading ClusterRole', ['clusterrole', '{prefix}-secret-reader']),
  ]
}
