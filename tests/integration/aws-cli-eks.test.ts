import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ADMIN_ACCESS_KEY, ROLE_ARNS, SSO_ROLE_NAME } from '@/sandbox/core/seed-constants'

import { startEksTestServer, type EksTestServer } from './sandbox-eks-harness'

// The real aws CLI (aws-cli 1.45 / botocore) against the signed sandbox: it must sign, route and parse exactly as it
// does against EKS. Config and credential files point at empty temp files so no local profile leaks in.

const run = promisify(execFile)

let sandbox: EksTestServer
let home: string

beforeAll(async () => {
  sandbox = await startEksTestServer()
  home = await mkdtemp(join(tmpdir(), 'aws-cli-eks-'))
  await writeFile(join(home, 'config'), '')
  await writeFile(join(home, 'credentials'), '')
})
afterAll(async () => {
  await sandbox.close()
  await rm(home, { recursive: true, force: true })
})

async function aws(region: string, ...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run('aws', [...args, '--endpoint-url', sandbox.url, '--output', 'json'], {
    env: {
      NODE_ENV: 'test',
      PATH: process.env.PATH,
      HOME: home,
      AWS_ACCESS_KEY_ID: ADMIN_ACCESS_KEY.accessKeyId,
      AWS_SECRET_ACCESS_KEY: ADMIN_ACCESS_KEY.secretAccessKey,
      AWS_DEFAULT_REGION: region,
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
    },
    timeout: 30_000,
  })
  return stdout.trim() === '' ? {} : (JSON.parse(stdout) as Record<string, unknown>)
}

/** The CLI prints timestamps as received (epoch seconds) or as ISO, depending on its timestamp format setting. */
function toDate(value: unknown): Date {
  return typeof value === 'number' ? new Date(value * 1000) : new Date(String(value))
}

describe('aws eks (CLI 1.45)', () => {
  it('list-clusters per region', async () => {
    expect(await aws('us-west-2', 'eks', 'list-clusters')).toEqual({
      clusters: ['legacy-batch', 'ml-auto', 'prod-web'],
    })
    expect(await aws('eu-west-1', 'eks', 'list-clusters')).toEqual({ clusters: ['eu-shop'] })
  })

  it('describe-cluster', async () => {
    const { cluster } = (await aws('us-west-2', 'eks', 'describe-cluster', '--name', 'ml-auto')) as {
      cluster: Record<string, unknown> & { accessConfig: { authenticationMode: string } }
    }
    expect(cluster.name).toBe('ml-auto')
    expect(cluster.accessConfig.authenticationMode).toBe('API')
    expect(toDate(cluster.createdAt).toISOString()).toBe('2025-01-14T16:02:44.031Z')
  })

  it('create-access-entry with a pathed role ARN, then list-access-entries and associate-access-policy', async () => {
    const principal = ROLE_ARNS[SSO_ROLE_NAME]
    const created = (await aws(
      'us-west-2',
      'eks',
      'create-access-entry',
      '--cluster-name',
      'ml-auto',
      '--principal-arn',
      principal,
      '--kubernetes-groups',
      'devops',
    )) as {
      accessEntry: { principalArn: string; username: string; kubernetesGroups: string[]; accessEntryArn: string }
    }
    expect(created.accessEntry.principalArn).toBe(principal)
    expect(created.accessEntry.username).toBe(`arn:aws:sts::111122223333:assumed-role/${SSO_ROLE_NAME}/{{SessionName}}`)
    expect(created.accessEntry.kubernetesGroups).toEqual(['devops'])
    expect(created.accessEntry.accessEntryArn).toContain(`:access-entry/ml-auto/role/111122223333/${SSO_ROLE_NAME}/`)

    const listed = (await aws('us-west-2', 'eks', 'list-access-entries', '--cluster-name', 'ml-auto')) as {
      accessEntries: string[]
    }
    expect(listed.accessEntries).toContain(principal)

    const associated = (await aws(
      'us-west-2',
      'eks',
      'associate-access-policy',
      '--cluster-name',
      'ml-auto',
      '--principal-arn',
      principal,
      '--policy-arn',
      'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
      '--access-scope',
      'type=namespace,namespaces=ml-*,default',
    )) as { principalArn: string; associatedAccessPolicy: { accessScope: { type: string; namespaces: string[] } } }
    expect(associated.principalArn).toBe(principal)
    expect(associated.associatedAccessPolicy.accessScope).toEqual({
      type: 'namespace',
      namespaces: ['ml-*', 'default'],
    })
  })

  it('reports EKS errors with their exception name', async () => {
    const err = await aws('us-west-2', 'eks', 'describe-cluster', '--name', 'missing').then(
      () => undefined,
      (e: { stderr?: string }) => e,
    )
    expect(err?.stderr).toContain('ResourceNotFoundException')
    expect(err?.stderr).toContain('No cluster found for name: missing.')
  })
})
