// EKS bearer tokens the sandbox's Kubernetes API must refuse, each answered 401 with kube-apiserver's Unauthorized
// Status: expired, malformed, minted for another cluster, wrongly signed, unknown key, expired session, none. Each
// case also asserts WHY sandbox/sts/presigned-caller.ts refused it, so a 401 cannot pass by accident.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { ROLE_ARNS } from '@/sandbox/core/seed-constants'
import { verifyEksBearerToken } from '@/sandbox/sts/presigned-caller'
import { damageToken, presignStsToken, reasonOf } from '@/tests/support/eks-token-variants'
import { buildKubeClients, expectUnauthorized } from '@/tests/support/kube-test-clients'
import { startTestSandbox, type KubeClusterRef, type TestSandbox } from '@/tests/support/start-test-sandbox'

vi.mock('server-only', () => ({}))

const PROD_WEB: KubeClusterRef = { region: 'us-west-2', name: 'prod-web' }
const ML_AUTO: KubeClusterRef = { region: 'us-west-2', name: 'ml-auto' }

let aws: TestSandbox

beforeAll(async () => {
  aws = await startTestSandbox()
})
afterAll(async () => aws?.stop())

describe('tokens the API server refuses: 401 with a Kubernetes Status body', () => {
  const MINUTE = 60_000

  it('accepts a token for 15 minutes after X-Amz-Date, whatever X-Amz-Expires (60) says', async () => {
    const kc = await aws.kubeConfigFor(PROD_WEB, 'admin', { now: new Date(Date.now() - 14 * MINUTE) })
    await expect(buildKubeClients(kc).core.listNamespace()).resolves.toBeDefined()
  })

  it.each<[string, () => Promise<string>, string]>([
    [
      'expired (signed 16 minutes ago)',
      () => aws.eksTokenFor(PROD_WEB, 'admin', { now: new Date(Date.now() - 16 * MINUTE) }),
      'expired-signature',
    ],
    [
      'malformed: not base64url',
      async () =>
        damageToken(await aws.eksTokenFor(PROD_WEB, 'admin'), { payload: (p) => `${p.slice(0, 30)}*${p.slice(30)}` }),
      'malformed',
    ],
    [
      'malformed: wrong prefix',
      async () => (await aws.eksTokenFor(PROD_WEB, 'admin')).replace(/^k8s-aws-v1\./, 'k8s-aws-v2.'),
      'malformed',
    ],
    [
      'malformed: an extra query key',
      async () => damageToken(await aws.eksTokenFor(PROD_WEB, 'admin'), { url: (u) => `${u}&X-Amz-Extra=1` }),
      'malformed',
    ],
    [
      'malformed: a validly signed URL for another action (GetSessionToken)',
      () => presignStsToken(aws, { Action: 'GetSessionToken', Version: '2011-06-15' }, PROD_WEB.name),
      'not-get-caller-identity',
    ],
    ['minted for another cluster (x-k8s-aws-id: ml-auto)', () => aws.eksTokenFor(ML_AUTO, 'admin'), 'signature'],
    [
      'a tampered signature character',
      async () =>
        damageToken(await aws.eksTokenFor(PROD_WEB, 'admin'), {
          url: (u) =>
            u.replace(
              /(X-Amz-Signature=[0-9a-f]*)([0-9a-f])$/,
              (_, head: string, last: string) => `${head}${last === '0' ? '1' : '0'}`,
            ),
        }),
      'signature',
    ],
    [
      'signed with an unknown access key',
      () =>
        aws.eksTokenFor(PROD_WEB, {
          credentials: {
            accessKeyId: 'AKIAUNKNOWNEXAMPLE00',
            secretAccessKey: 'unknownSECRETkeyEXAMPLE/K7MDENG+000000',
          },
        }),
      'unknown-key',
    ],
  ])('%s', async (_name, mint, reason) => {
    const token = await mint()
    await expectUnauthorized(aws, PROD_WEB, token)
    // The 401 is for the intended reason, not an accident of how the token was damaged.
    expect(await reasonOf(verifyEksBearerToken(token, PROD_WEB.name, aws.sandbox.world))).toBe(reason)
  })

  it('refuses a session token whose session has expired', async () => {
    const credentials = await aws.credentialsFor({ roleArn: ROLE_ARNS.PlatformAdmin, durationSeconds: 900 })
    const kc = await aws.kubeConfigFor(PROD_WEB, { credentials })
    await expect(buildKubeClients(kc).core.listNamespace()).resolves.toBeDefined()
    // 16 minutes later the 15-minute session is over: a token signed then, with a fresh X-Amz-Date, is refused.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 16 * MINUTE })
    try {
      const token = await aws.eksTokenFor(PROD_WEB, { credentials })
      await expectUnauthorized(aws, PROD_WEB, token)
      expect(await reasonOf(verifyEksBearerToken(token, PROD_WEB.name, aws.sandbox.world))).toBe('expired-token')
    } finally {
      vi.useRealTimers()
    }
  })

  it('refuses a request with no token at all', async () => {
    await expectUnauthorized(aws, PROD_WEB, undefined)
  })
})
