// End to end as a person uses EKS: kubectl's exec plugin runs `aws eks get-token` (aws CLI 1.45, against the sandbox
// STS endpoint), the sandbox verifies the presigned URL against its IAM keys, maps the caller through access entries
// or aws-auth, and authorizes with access policies + RBAC.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'

import { ROLE_ARNS, USER_ACCESS_KEYS, USER_ARNS, type SeedUserName } from '@/sandbox/core/seed-constants'
import type { ClusterRef } from '@/sandbox/kube/types'
import { startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

const run = promisify(execFile)
const PROD_WEB: ClusterRef = { region: 'us-west-2', name: 'prod-web' }
const LEGACY: ClusterRef = { region: 'us-west-2', name: 'legacy-batch' }
const EU_SHOP: ClusterRef = { region: 'eu-west-1', name: 'eu-shop' }
let aws: TestSandbox
let dir: string

beforeAll(async () => {
  aws = await startTestSandbox()
  dir = mkdtempSync(path.join(tmpdir(), 'kube-eks-auth-'))
  writeFileSync(path.join(dir, 'aws-config'), '')
})
afterAll(async () => {
  await aws?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/**
 * Writes an `aws eks update-kubeconfig`-style kubeconfig for one cluster and IAM user (optionally a role), with the
 * endpoint and CA DescribeCluster reports.
 */
async function writeKubeconfig(cluster: ClusterRef, user: SeedUserName, roleArn?: string): Promise<string> {
  const { arn, endpoint, caData } = await aws.describeKubeEndpoint(cluster)
  const args = [
    '--region',
    cluster.region,
    'eks',
    'get-token',
    '--cluster-name',
    cluster.name,
    '--output',
    'json',
    ...(roleArn ? ['--role', roleArn] : []),
  ]
  const env = {
    AWS_ACCESS_KEY_ID: USER_ACCESS_KEYS[user].accessKeyId,
    AWS_SECRET_ACCESS_KEY: USER_ACCESS_KEYS[user].secretAccessKey,
    AWS_ENDPOINT_URL: aws.url,
    AWS_CONFIG_FILE: path.join(dir, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'aws-config'),
    AWS_EC2_METADATA_DISABLED: 'true',
  }
  const file = path.join(dir, `${cluster.name}-${user}-${roleArn ? 'role' : 'user'}.yaml`)
  writeFileSync(
    file,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: arn,
          cluster: {
            server: endpoint,
            'certificate-authority-data': caData,
          },
        },
      ],
      contexts: [{ name: arn, context: { cluster: arn, user: arn } }],
      'current-context': arn,
      users: [
        {
          name: arn,
          user: {
            exec: {
              apiVersion: 'client.authentication.k8s.io/v1beta1',
              command: 'aws',
              args,
              env: Object.entries(env).map(([name, value]) => ({ name, value })),
            },
          },
        },
      ],
    }),
  )
  return file
}

async function kubectl(kubeconfig: string, ...args: string[]) {
  // The developer's AWS settings must not leak into the exec plugin: the kubeconfig sets every AWS_* it needs.
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, KUBECONFIG: kubeconfig }
  for (const key of Object.keys(env)) if (key.startsWith('AWS_')) delete env[key]
  try {
    const { stdout, stderr } = await run('kubectl', ['--cache-dir', path.join(dir, 'cache'), ...args], {
      env,
      timeout: 25_000,
    })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' }
  }
}

async function whoami(
  kubeconfig: string,
): Promise<{ username: string; groups: string[]; uid?: string; extra?: Record<string, string[]> }> {
  const r = await kubectl(kubeconfig, 'auth', 'whoami', '-o', 'json')
  expect(r.stderr).toBe('')
  return (JSON.parse(r.stdout) as { status: { userInfo: { username: string; groups: string[] } } }).status.userInfo
}

describe('EKS authentication through kubectl + aws eks get-token', () => {
  it('maps the cluster creator via its access entry (IAM user: username = user ARN) with cluster-admin policy', async () => {
    const kc = await writeKubeconfig(PROD_WEB, 'admin')
    const me = await whoami(kc)
    expect(me).toMatchObject({ username: USER_ARNS.admin, groups: ['system:authenticated'] })
    expect(me.uid).toMatch(/^aws-iam-authenticator:111122223333:AIDA/)
    expect(me.extra?.canonicalArn).toEqual([USER_ARNS.admin])
    expect((await kubectl(kc, 'auth', 'can-i', 'delete', 'nodes')).stdout.trim()).toBe('yes')
  })

  it('maps an assumed role with the access entry username template and RBAC group (API_AND_CONFIG_MAP: entry beats aws-auth)', async () => {
    const kc = await writeKubeconfig(PROD_WEB, 'bob', ROLE_ARNS.TeamBDeveloper)
    const me = await whoami(kc)
    // `aws eks get-token --role-arn` uses session name EKSGetTokenAuth.
    expect(me).toMatchObject({ username: 'team-b:EKSGetTokenAuth', groups: ['team-b-devs', 'system:authenticated'] })
    expect((await kubectl(kc, 'auth', 'can-i', 'create', 'configmaps', '-n', 'team-b')).stdout.trim()).toBe('yes')
    const denied = await kubectl(kc, 'get', 'pods', '-n', 'team-a')
    expect(denied.code).toBe(1)
    expect(denied.stderr).toContain(
      'pods is forbidden: User "team-b:EKSGetTokenAuth" cannot list resource "pods" in API group "" in the namespace "team-a"',
    )
  })

  it('applies namespace-scoped access policies with wildcards (eu-shop: TeamADeveloper edit on shop-*)', async () => {
    const kc = await writeKubeconfig(EU_SHOP, 'alice', ROLE_ARNS.TeamADeveloper)
    expect((await kubectl(kc, 'auth', 'can-i', 'create', 'configmaps', '-n', 'shop-web')).stdout.trim()).toBe('yes')
    expect((await kubectl(kc, 'auth', 'can-i', 'create', 'configmaps', '-n', 'payments')).stdout.trim()).toBe('no')
    const rules = await kubectl(kc, 'auth', 'can-i', '--list', '-n', 'shop-web')
    expect(rules.stdout).not.toContain('configmaps')
  })

  it('maps users through aws-auth on a CONFIG_MAP cluster and the creator invisibly', async () => {
    expect(await whoami(await writeKubeconfig(LEGACY, 'alice'))).toMatchObject({
      username: 'alice',
      groups: ['team-a-devs', 'system:authenticated'],
    })
    expect(await whoami(await writeKubeconfig(LEGACY, 'admin'))).toMatchObject({
      username: 'kubernetes-admin',
      groups: ['system:masters', 'system:authenticated'],
    })
  })

  it('aws eks update-kubeconfig writes the endpoint and CA from DescribeCluster, and kubectl uses them', async () => {
    const kubeconfig = path.join(dir, 'from-cli.yaml')
    const cliEnv: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: dir,
      AWS_ACCESS_KEY_ID: USER_ACCESS_KEYS.admin.accessKeyId,
      AWS_SECRET_ACCESS_KEY: USER_ACCESS_KEYS.admin.secretAccessKey,
      AWS_ENDPOINT_URL: aws.url,
      AWS_CONFIG_FILE: path.join(dir, 'aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'aws-config'),
      AWS_EC2_METADATA_DISABLED: 'true',
    }
    await run(
      'aws',
      ['eks', 'update-kubeconfig', '--name', 'prod-web', '--region', 'us-west-2', '--kubeconfig', kubeconfig],
      { env: cliEnv, timeout: 25_000 },
    )
    const { stdout } = await run(
      'kubectl',
      [
        '--kubeconfig',
        kubeconfig,
        '--cache-dir',
        path.join(dir, 'cache'),
        'get',
        'pods',
        '-n',
        'billing',
        '-o',
        'name',
      ],
      { env: cliEnv, timeout: 25_000 },
    )
    expect(stdout.trim().split('\n')).toHaveLength(3)
  })

  it('rejects a principal with no entry and no mapping as Unauthorized', async () => {
    const r = await kubectl(await writeKubeconfig(PROD_WEB, 'carol'), 'get', 'pods')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('You must be logged in to the server')
  })
})
