// A time-bound RoleBinding: created through POST …/rbac/role-bindings with a duration (capped by the cluster's
// maximum), deleted by the scheduler when it ends — exactly the binding it created, matched by name and uid — and a
// binding deleted and re-created under the same name outside the console is left in place as drift.
import { RbacAuthorizationV1Api } from '@kubernetes/client-node'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { callRoute, setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

const sandbox = setUpConsoleAccessSandbox({ role: 'editor' })
let bindings: typeof import('@/app/api/clusters/[region]/[cluster]/rbac/role-bindings/route')
let grants: typeof import('@/app/api/clusters/[region]/[cluster]/time-bound-grants/route')
let audit: typeof import('@/app/api/audit/route')
let admin: RbacAuthorizationV1Api
let scheduler: (
  offsetMs: number,
) => Promise<{ runOnce: () => Promise<{ revoked: number; drifted: number; failed: number }> }>

const prod = { region: 'us-west-2', cluster: 'prod-web' }
const HOUR = 3600_000

beforeAll(async () => {
  bindings = await import('@/app/api/clusters/[region]/[cluster]/rbac/role-bindings/route')
  grants = await import('@/app/api/clusters/[region]/[cluster]/time-bound-grants/route')
  audit = await import('@/app/api/audit/route')
  admin = (await sandbox().kubeConfigFor({ region: 'us-west-2', name: 'prod-web' }, 'admin')).makeApiClient(
    RbacAuthorizationV1Api,
  )
  const { createRevocationScheduler } = await import('@/lib/time-bound/server/revocation-scheduler')
  const { getTimeBoundStore } = await import('@/lib/time-bound/server/time-bound-store-instance')
  const { revokeGrant } = await import('@/lib/time-bound/server/revokers')
  const { recordRevocation } = await import('@/lib/time-bound/server/record-revocation')
  scheduler = async (offsetMs) =>
    createRevocationScheduler({
      store: await getTimeBoundStore(),
      revoke: revokeGrant,
      withClusterLock: (_target, fn) => fn(),
      recordOutcome: recordRevocation,
      logFailure: () => undefined,
      now: () => new Date(Date.now() + offsetMs),
    })
})

const create = (name: string, duration?: unknown) =>
  callRoute(bindings.POST, prod, {
    method: 'POST',
    body: {
      name,
      namespace: 'team-a',
      roleKind: 'ClusterRole',
      roleName: 'view',
      subjectKind: 'Group',
      subjectName: 'tb-devs',
      ...(duration ? { duration } : {}),
    },
  })
const exists = async (name: string) =>
  admin.readNamespacedRoleBinding({ namespace: 'team-a', name }).then(
    (b) => b.metadata?.uid,
    () => undefined,
  )
const revocations = async () =>
  (await callRoute(audit.GET, {}, { query: '?action=time-bound-grant.revoke' })).body.events

describe('time-bound RoleBindings', () => {
  it('refuses a duration over the cluster maximum on the duration field, and creates nothing', async () => {
    const refused = await create('tb-too-long', {
      kind: 'until',
      endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    })
    expect(refused.status).toBe(422)
    expect(refused.body.error.issues[0].path).toEqual(['duration'])
    expect(await exists('tb-too-long')).toBeUndefined()
  })

  it('records the grant with the binding’s uid, shows it among the cluster’s grants, and deletes exactly it at the end', async () => {
    const created = await create('tb-view', { kind: 'preset', preset: '1h' })
    expect(created.status).toBe(201)
    expect(created.body.expiresAt).toEqual(expect.any(String))
    const uid = await exists('tb-view')
    const listed = (await callRoute(grants.GET, prod)).body.grants
    expect(listed).toContainEqual(
      expect.objectContaining({
        principalArn: 'RoleBinding team-a/tb-view',
        addition: expect.objectContaining({ kind: 'role-binding', name: 'tb-view', namespace: 'team-a', uid }),
      }),
    )
    // A permanent binding made meanwhile stays.
    expect((await create('tb-permanent')).status).toBe(201)

    expect(await (await scheduler(HOUR + 1000)).runOnce()).toEqual({ revoked: 1, drifted: 0, failed: 0 })
    expect(await exists('tb-view')).toBeUndefined()
    expect(await exists('tb-permanent')).toBeDefined()
    expect(await revocations()).toContainEqual(
      expect.objectContaining({
        actor: expect.objectContaining({ name: 'system' }),
        target: 'RoleBinding team-a/tb-view',
        message: expect.stringMatching(/expired: removed the RoleBinding team-a\/tb-view\.$/),
      }),
    )
  })

  it('leaves a binding re-created under the same name outside the console in place and records the drift', async () => {
    expect((await create('tb-replaced', { kind: 'preset', preset: '1h' })).status).toBe(201)
    const original = await admin.readNamespacedRoleBinding({ namespace: 'team-a', name: 'tb-replaced' })
    await admin.deleteNamespacedRoleBinding({ namespace: 'team-a', name: 'tb-replaced' })
    await admin.createNamespacedRoleBinding({
      namespace: 'team-a',
      body: { metadata: { name: 'tb-replaced' }, roleRef: original.roleRef, subjects: original.subjects },
    })
    const replacement = await exists('tb-replaced')
    expect(replacement).not.toBe(original.metadata?.uid)

    expect(await (await scheduler(HOUR + 1000)).runOnce()).toEqual({ revoked: 0, drifted: 1, failed: 0 })
    expect(await exists('tb-replaced')).toBe(replacement)
    expect(await revocations()).toContainEqual(
      expect.objectContaining({
        target: 'RoleBinding team-a/tb-replaced',
        message: expect.stringMatching(
          /removed nothing\. Changed outside the console: the RoleBinding team-a\/tb-replaced was deleted and another of that name created outside the console; it was left in place\.$/,
        ),
      }),
    )
  })

  it('leaves a binding whose subjects were changed outside the console in place (drift)', async () => {
    expect((await create('tb-edited', { kind: 'preset', preset: '1h' })).status).toBe(201)
    const current = await admin.readNamespacedRoleBinding({ namespace: 'team-a', name: 'tb-edited' })
    await admin.replaceNamespacedRoleBinding({
      namespace: 'team-a',
      name: 'tb-edited',
      body: { ...current, subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'someone-else' }] },
    })
    expect(await (await scheduler(HOUR + 1000)).runOnce()).toEqual({ revoked: 0, drifted: 1, failed: 0 })
    expect(await exists('tb-edited')).toBe(current.metadata?.uid)
    expect(await revocations()).toContainEqual(
      expect.objectContaining({
        target: 'RoleBinding team-a/tb-edited',
        message: expect.stringContaining(
          'the subjects of the RoleBinding team-a/tb-edited were changed outside the console',
        ),
      }),
    )
  })
})
