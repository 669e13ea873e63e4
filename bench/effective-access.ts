// The effective-access resolver at the scale cluster's size (issue 14 item 7): 1,000 access entries (the scale
// cluster's scale-dev-NNNN roles with scoped policies and team groups) and 10,000 bindings over its 200 namespaces,
// with Kubernetes' bootstrap roles. Pure in-process work on a snapshot, as the console's server does it once the
// snapshot is read: one principal's analysis (identity, holdings and the matrix over 60 namespaces) — target ≤ 200 ms;
// who-can over every principal and subject — target ≤ 500 ms. Reading the snapshot from the cluster is not included.
import { buildDefaultClusterRoles } from '../sandbox/kube/seed/default-rbac'
import type { BenchFigure, Benchmark } from './bench-types'

const ENTRIES = 1000
const BINDINGS = 10_000
const NAMESPACES = 200
const ns = (i: number) => `scale-ns-${String(i % NAMESPACES).padStart(3, '0')}`
const roleArn = (i: number) => `arn:aws:iam::111122223333:role/scale-dev-${String(i).padStart(4, '0')}`
const POLICY = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

function time(runs: number, fn: () => unknown): number {
  fn() // warm-up: JIT and the aggregation-source cache, as a long-running server has them
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    samples.push(performance.now() - start)
  }
  return median(samples)
}

export const benchmark: Benchmark = {
  name: `Effective access (${ENTRIES.toLocaleString('en')} entries, ${BINDINGS.toLocaleString('en')} bindings)`,
  async run(): Promise<BenchFigure[]> {
    const { buildRbacIndex } = await import('@/lib/effective-access/rbac-index')
    const { buildAuthIndex, resolveIdentity } = await import('@/lib/effective-access/identity')
    const { analyzePrincipalAccess } = await import('@/lib/effective-access/principal-analysis')
    const { whoCan } = await import('@/lib/effective-access/who-can')
    type Objects = Parameters<typeof buildRbacIndex>[0]
    type Selectors = NonNullable<Objects['clusterRoles'][number]['aggregationSelectors']>

    const clusterRoles: Objects['clusterRoles'] = buildDefaultClusterRoles().map((r) => ({
      kind: 'ClusterRole' as const,
      name: r.metadata.name,
      labels: r.metadata.labels ?? {},
      rules: (r.rules as Objects['clusterRoles'][number]['rules']) ?? [],
      ...(r.aggregationRule
        ? {
            aggregationSelectors:
              (r.aggregationRule as { clusterRoleSelectors?: Selectors }).clusterRoleSelectors ?? [],
          }
        : {}),
    }))
    const roleNames = ['view', 'edit', 'admin']
    const roleBindings: Objects['roleBindings'] = Array.from({ length: BINDINGS - 200 }, (_, i) => ({
      kind: 'RoleBinding' as const,
      name: `binding-${i}`,
      namespace: ns(i),
      roleRef: { kind: 'ClusterRole', name: roleNames[i % 3] ?? 'view' },
      subjects:
        i % 5 === 0
          ? [{ kind: 'ServiceAccount', name: `sa-${i}` }]
          : i % 5 === 1
            ? [{ kind: 'User', name: `dev-${i % ENTRIES}:{{SessionName}}` }]
            : [{ kind: 'Group', name: `team-${i % 400}` }],
    }))
    const clusterRoleBindings: Objects['clusterRoleBindings'] = Array.from({ length: 200 }, (_, i) => ({
      kind: 'ClusterRoleBinding' as const,
      name: `crb-${i}`,
      roleRef: { kind: 'ClusterRole', name: i % 10 === 0 ? 'cluster-admin' : 'view' },
      subjects: [{ kind: 'Group', name: `platform-${i}` }],
    }))
    const rbac = buildRbacIndex({ clusterRoles, roles: [], roleBindings, clusterRoleBindings })
    const accessEntries = Array.from({ length: ENTRIES }, (_, k) => {
      const i = k + 1
      return {
        principalArn: roleArn(i),
        type: 'STANDARD',
        username: i % 3 === 0 ? `dev-${i}:{{SessionName}}` : null,
        kubernetesGroups: [
          `team-${i % 400}`,
          `team-${(i + 1) % 400}`,
          ...(i % 50 === 0 ? [`platform-${i % 200}`] : []),
        ],
        policies:
          i % 4 === 0
            ? [
                {
                  policyArn: POLICY('AmazonEKSEditPolicy'),
                  accessScope: { type: 'namespace' as const, namespaces: [ns(i), 'scale-ns-1*'] },
                },
              ]
            : i % 4 === 1
              ? [
                  {
                    policyArn: POLICY('AmazonEKSViewPolicy'),
                    accessScope: { type: 'cluster' as const, namespaces: [] },
                  },
                ]
              : [],
        createdAt: '2025-01-01T00:00:00.000Z',
      }
    })
    const auth = buildAuthIndex({ authenticationMode: 'API', accessEntries, awsAuth: undefined })
    const namespaces = Array.from({ length: 60 }, (_, i) => ns(i))

    const principal = time(20, () => {
      const identity = resolveIdentity(auth, roleArn(150), { sessionName: 'bench' })
      return analyzePrincipalAccess(rbac, identity, namespaces)
    })
    const request = { verb: 'delete', apiGroup: '', resource: 'pods', namespace: 'scale-ns-042' }
    const who = time(20, () => whoCan(rbac, auth, request))
    const cluster = time(20, () => whoCan(rbac, auth, { verb: 'list', apiGroup: '', resource: 'secrets' }))
    const index = time(5, () => buildRbacIndex({ clusterRoles, roles: [], roleBindings, clusterRoleBindings }))
    return [
      {
        label: 'one principal: identity + holdings + matrix over 60 namespaces',
        value: principal,
        unit: 'ms',
        target: 200,
      },
      { label: '  … ratio to target (≤ 1 meets it)', value: principal / 200, unit: 'ratio' },
      { label: 'who-can delete pods in one namespace', value: who, unit: 'ms', target: 500 },
      { label: '  … ratio to target (≤ 1 meets it)', value: who / 500, unit: 'ratio' },
      { label: 'who-can list secrets cluster-wide (context)', value: cluster, unit: 'ms' },
      { label: 'indexing 10,000 bindings once per snapshot (context)', value: index, unit: 'ms' },
    ]
  },
}
