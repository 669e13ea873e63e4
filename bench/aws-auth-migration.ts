// The aws-auth migration at 500 mappings, against a sandbox in its own process (SANDBOX_SCALE=large seeds the IAM
// roles scale-dev-0001…1000). Plan: parse a 500-row aws-auth, resolve every role with one ListRoles listing (a GetRole
// per row below 25 principals), plan — target ≤ 2 s, then again at 50 ms latency for context. Apply: 500
// CreateAccessEntry (+ AssociateAccessPolicy for every fifth, an admin) with 50 ms injected on every sandbox call,
// 10 in flight — target ≤ 30 s (sequential would take at least 600 calls × 50 ms = 30 s).
import { stringify } from 'yaml'

import type { BenchFigure, Benchmark } from './bench-types'
import { startScaleSandbox } from './scale-sandbox'

const LATENCY_MS = 50
const MAPPINGS = 500
const ACCOUNT = '111122223333'
const roleArn = (i: number) => `arn:aws:iam::${ACCOUNT}:role/scale-dev-${String(i).padStart(4, '0')}`

function awsAuthOf500(): Record<string, string> {
  const rows = Array.from({ length: MAPPINGS }, (_, k) => ({
    rolearn: roleArn(k + 1),
    username: k % 5 === 0 ? `admin-${k}` : `dev-${k}:{{SessionName}}`,
    groups: k % 5 === 0 ? ['system:masters'] : ['developers', `team-${k % 20}`],
  }))
  return { mapRoles: stringify(rows) }
}

export const benchmark: Benchmark = {
  name: `aws-auth migration (${MAPPINGS} mappings)`,
  async run(): Promise<BenchFigure[]> {
    const sandbox = await startScaleSandbox('migration')
    const { url } = sandbox
    try {
      delete process.env.DATABASE_URL
      const { parseAwsAuth } = await import('@/lib/aws-auth/aws-auth-parse')
      const { principalKey } = await import('@/lib/aws-auth/aws-auth-view')
      const { planMigration } = await import('@/lib/aws-auth/migration-plan')
      const { resolveAwsAuthPrincipals } = await import('@/lib/aws-auth/server/migration-plan-service')
      const { createMigrationEntries } = await import('@/lib/aws-auth/server/migration-apply-service')

      const data = awsAuthOf500()
      const planOnce = async () => {
        const start = performance.now()
        const parsed = parseAwsAuth(data)
        const resolved = await resolveAwsAuthPrincipals(
          'us-west-2',
          parsed.mapRoles.map((m) => ({ arn: m.arn, kind: 'role' as const })),
        )
        const planned = planMigration(parsed, (arn) => resolved.get(principalKey(arn)) ?? { status: 'missing' }, [])
        return { plan: planned, ms: performance.now() - start }
      }
      const { plan, ms: planMs } = await planOnce()
      const faults = { faults: [{ service: '*', kind: 'latency', latencyMs: LATENCY_MS }] }
      await fetch(`${url}/_sandbox/faults`, { method: 'PUT', body: JSON.stringify(faults) })
      const { ms: slowPlanMs } = await planOnce()
      const pureStart = performance.now()
      planMigration(parseAwsAuth(data), (arn) => ({ status: 'found', arn }), [])
      const pureMs = performance.now() - pureStart

      const entries = plan.items.flatMap((i) => (i.entry ? [{ id: i.id, ...i.entry }] : []))
      const actor = { name: 'bench', role: 'admin' } as Parameters<typeof createMigrationEntries>[2]
      const calls = entries.length + entries.reduce((n, e) => n + e.policyArns.length, 0)
      const applyStart = performance.now()
      const results = await createMigrationEntries({ region: 'us-west-2', name: 'prod-web' }, entries, actor)
      const applyMs = performance.now() - applyStart
      const sequentialMs = calls * LATENCY_MS
      return [
        { label: 'entries planned', value: entries.length, unit: 'count' },
        { label: 'plan: parse + ListRoles + plan (first run)', value: planMs / 1000, unit: 's', target: 2 },
        { label: `plan: the same at ${LATENCY_MS} ms latency`, value: slowPlanMs / 1000, unit: 's' },
        { label: 'plan: parse + plan without IAM (context)', value: pureMs, unit: 'ms' },
        { label: 'apply: entries created', value: results.filter((r) => r.status === 'created').length, unit: 'count' },
        {
          label: `apply: ${calls} EKS calls at ${LATENCY_MS} ms latency`,
          value: applyMs / 1000,
          unit: 's',
          target: 30,
        },
        { label: 'apply: sequential lower bound / measured', value: sequentialMs / applyMs, unit: 'ratio' },
      ]
    } finally {
      await sandbox.stop()
    }
  },
}
