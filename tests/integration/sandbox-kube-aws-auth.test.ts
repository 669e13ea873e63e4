// aws-auth on the CONFIG_MAP cluster (legacy-batch) with real clients: the seed's rule cases map as
// aws-iam-authenticator maps them, and writes to the ConfigMap carry kube-apiserver's optimistic concurrency —
// a stale metadata.resourceVersion is 409 Conflict, for @kubernetes/client-node and for the real kubectl.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { stringify } from 'yaml'

import { ROLE_ARNS } from '@/sandbox/core/seed-constants'
import { buildKubeClients, captureKubeFailure } from '@/tests/support/kube-test-clients'
import { EKS_GET_TOKEN_SESSION_NAME, startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

vi.mock('server-only', () => ({}))

const run = promisify(execFile)
const LEGACY = { region: 'us-west-2', name: 'legacy-batch' }
const AWS_AUTH = { namespace: 'kube-system', name: 'aws-auth' }
const CONFLICT =
  'Operation cannot be fulfilled on configmaps "aws-auth": the object has been modified; please apply your changes to the latest version and try again'
let aws: TestSandbox

beforeAll(async () => {
  aws = await startTestSandbox()
})
afterAll(async () => aws?.stop())

const whoAmI = async (roleArn: string) => {
  const { authn } = buildKubeClients(await aws.kubeConfigFor(LEGACY, { roleArn }))
  return (await authn.createSelfSubjectReview({ body: {} })).status?.userInfo
}

describe('legacy-batch aws-auth seed', () => {
  it('holds a case for every rule: Fargate, path-less SSO role, bare {{SessionName}}, deleted role, mapAccounts', async () => {
    const { core } = buildKubeClients(await aws.kubeConfigFor(LEGACY, 'admin'))
    const { data } = await core.readNamespacedConfigMap(AWS_AUTH)
    expect(data?.mapRoles).toContain(`rolearn: ${ROLE_ARNS.AmazonEKSFargatePodExecutionRole}`)
    expect(data?.mapRoles).toContain('system:node-proxier')
    expect(data?.mapRoles).toContain('rolearn: arn:aws:iam::111122223333:role/AWSReservedSSO_DevOps_0a1b2c3d4e5f6789\n')
    expect(data?.mapRoles).toContain('username: "{{SessionName}}"')
    expect(data?.mapRoles).toContain('role/retired-ci-deployer')
    expect(data?.mapAccounts).toBe('- "444455556666"\n')
  })

  it('maps the bare {{SessionName}} username to the session name itself', async () => {
    expect(await whoAmI(ROLE_ARNS.ReadOnlyAuditor)).toMatchObject({
      username: EKS_GET_TOKEN_SESSION_NAME,
      groups: ['system:authenticated'],
    })
  })
})

describe('aws-auth writes: optimistic concurrency like kube-apiserver', () => {
  it('client-node: PUT and merge PATCH with a stale resourceVersion answer 409 Conflict; the fresh one applies', async () => {
    const { core } = buildKubeClients(await aws.kubeConfigFor(LEGACY, 'admin'))
    const seen = await core.readNamespacedConfigMap(AWS_AUTH)
    const first = await core.replaceNamespacedConfigMap({
      ...AWS_AUTH,
      body: { ...seen, data: { ...seen.data, note: 'first' } },
    })
    expect(first.metadata?.resourceVersion).not.toBe(seen.metadata?.resourceVersion)
    const stale = await captureKubeFailure(
      core.replaceNamespacedConfigMap({ ...AWS_AUTH, body: { ...seen, data: { ...seen.data, note: 'second' } } }),
    )
    expect(stale).toMatchObject({
      code: 409,
      body: { reason: 'Conflict', message: CONFLICT, details: { name: 'aws-auth', kind: 'configmaps' } },
    })
    const patch = await captureKubeFailure(
      core.patchNamespacedConfigMap(
        {
          ...AWS_AUTH,
          body: { metadata: { resourceVersion: seen.metadata?.resourceVersion }, data: { note: 'third' } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      ),
    )
    expect(patch.code).toBe(409)
    expect((await core.readNamespacedConfigMap(AWS_AUTH)).data?.note).toBe('first')
  })

  it('kubectl replace with a stale resourceVersion fails with the apiserver message', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'aws-auth-kubectl-'))
    try {
      const { endpoint, caData } = await aws.describeKubeEndpoint(LEGACY)
      const token = await aws.eksTokenFor(LEGACY, 'admin')
      const kubeconfig = path.join(dir, 'config')
      await writeFile(
        kubeconfig,
        stringify({
          apiVersion: 'v1',
          kind: 'Config',
          clusters: [{ name: 'legacy', cluster: { server: endpoint, 'certificate-authority-data': caData } }],
          users: [{ name: 'admin', user: { token } }],
          contexts: [{ name: 'legacy', context: { cluster: 'legacy', user: 'admin' } }],
          'current-context': 'legacy',
        }),
      )
      const kubectl = (...args: string[]) =>
        run('kubectl', ['--cache-dir', path.join(dir, 'cache'), ...args], {
          env: { ...process.env, KUBECONFIG: kubeconfig, HOME: dir },
          timeout: 25_000,
        }).then(
          (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
          (e: { code?: number; stdout?: string; stderr?: string }) => ({
            code: e.code ?? -1,
            stdout: e.stdout ?? '',
            stderr: e.stderr ?? '',
          }),
        )
      const got = await kubectl('get', 'configmap', 'aws-auth', '-n', 'kube-system', '-o', 'yaml')
      expect(got.code).toBe(0)
      const file = path.join(dir, 'aws-auth.yaml')
      await writeFile(file, got.stdout)
      expect(await kubectl('replace', '-f', file)).toMatchObject({ code: 0 })
      // The same file again: its resourceVersion is now stale.
      const again = await kubectl('replace', '-f', file)
      expect(again.code).not.toBe(0)
      expect(again.stderr).toContain('the object has been modified; please apply your changes to the latest version')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
