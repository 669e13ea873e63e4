// DeleteOptions preconditions through the real client-node: a delete naming a stale resourceVersion or another object's
// uid is refused with 409 Conflict and kube-apiserver's "Precondition failed" message; a matching one deletes.
import { ApiException } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PROD_WEB, startTestKubeApi, type TestKubeApi } from '@/sandbox/kube/testing/start-test-kube-api'

let t: TestKubeApi
beforeAll(async () => {
  t = await startTestKubeApi({ admin: { user: { username: 'admin', groups: ['system:masters'] } } })
})
afterAll(async () => t?.close())

const binding = (name: string) => ({
  metadata: { name },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
  subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'devs' }],
})

async function refusal(
  run: () => Promise<unknown>,
): Promise<{ code: number; body: { message: string; reason: string } }> {
  try {
    await run()
  } catch (error) {
    if (error instanceof ApiException) return { code: error.code, body: JSON.parse(error.body as string) }
    throw error
  }
  throw new Error('the delete succeeded')
}

describe('DELETE with preconditions', () => {
  it('refuses a stale resourceVersion and a foreign uid with 409, and deletes when both match', async () => {
    const { rbac } = t.clientsFor('admin', PROD_WEB)
    const created = await rbac.createNamespacedRoleBinding({ namespace: 'team-a', body: binding('pre-rb') })
    const updated = await rbac.replaceNamespacedRoleBinding({
      namespace: 'team-a',
      name: 'pre-rb',
      body: { ...created, metadata: { ...created.metadata, labels: { changed: 'yes' } } },
    })
    const stale = await refusal(() =>
      rbac.deleteNamespacedRoleBinding({
        namespace: 'team-a',
        name: 'pre-rb',
        body: { preconditions: { resourceVersion: created.metadata?.resourceVersion } },
      }),
    )
    expect(stale.code).toBe(409)
    expect(stale.body.reason).toBe('Conflict')
    expect(stale.body.message).toBe(
      `Operation cannot be fulfilled on rolebindings.rbac.authorization.k8s.io "pre-rb": Precondition failed: ` +
        `ResourceVersion in precondition: ${created.metadata?.resourceVersion}, ResourceVersion in object meta: ${updated.metadata?.resourceVersion}`,
    )
    const foreign = await refusal(() =>
      rbac.deleteNamespacedRoleBinding({ namespace: 'team-a', name: 'pre-rb', body: { preconditions: { uid: 'x' } } }),
    )
    expect(foreign.body.message).toContain('Precondition failed: UID in precondition: x, UID in object meta:')
    await rbac.deleteNamespacedRoleBinding({
      namespace: 'team-a',
      name: 'pre-rb',
      body: { preconditions: { uid: created.metadata?.uid, resourceVersion: updated.metadata?.resourceVersion } },
    })
    const gone = await refusal(() => rbac.readNamespacedRoleBinding({ namespace: 'team-a', name: 'pre-rb' }))
    expect(gone.code).toBe(404)
  })
})
