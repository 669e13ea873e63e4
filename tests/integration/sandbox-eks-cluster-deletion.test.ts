// Deleting clusters and node groups as EKS does: DeleteCluster is refused while node groups remain; a deleted cluster
// (or node group) is DELETING for a while, still listed and described, then gone (ResourceNotFoundException); the
// cluster's Kubernetes API stops at once and its objects go with it; a node group's node-role access entry stays.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import {
  CreateClusterCommand,
  CreateNodegroupCommand,
  DeleteClusterCommand,
  DescribeAccessEntryCommand,
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  EKSClient,
  ListClustersCommand,
  UpdateClusterConfigCommand,
} from '@aws-sdk/client-eks'
import { CoreV1Api } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { ADMIN_ACCESS_KEY, ROLE_ARNS } from '@/sandbox/core/seed-constants'
import {
  captureAwsError,
  startTestSandbox,
  type KubeClusterRef,
  type TestSandbox,
} from '@/tests/support/start-test-sandbox'

vi.mock('server-only', () => ({}))

const run = promisify(execFile)
const SUBNETS = ['subnet-0aaa1111bbbb2222c', 'subnet-0ddd3333eeee4444f']
const DOOMED: KubeClusterRef = { region: 'us-west-2', name: 'doomed' }
let t: TestSandbox
let eks: EKSClient

/** Deletion (and creation) finish after this long; 0 settles on the next read. */
const setDelay = (ms: number) => {
  t.sandbox.world.eks.settings.updateDelayMs = ms
}

beforeAll(async () => {
  t = await startTestSandbox()
  eks = new EKSClient({ ...t.admin, maxAttempts: 1 })
  setDelay(0)
  await eks.send(
    new CreateClusterCommand({
      name: DOOMED.name,
      roleArn: ROLE_ARNS.eksClusterRole,
      resourcesVpcConfig: { subnetIds: SUBNETS },
      accessConfig: { authenticationMode: 'API' },
    }),
  )
})
afterAll(async () => {
  await t.stop()
})

/** The aws CLI with admin's keys against the sandbox; nothing configured on the machine leaks in. */
async function aws(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    // Next.js types make NODE_ENV required on ProcessEnv; the CLI ignores it.
    NODE_ENV: 'test',
    PATH: process.env.PATH ?? '',
    HOME: t.stateDir,
    AWS_CONFIG_FILE: join(t.stateDir, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(t.stateDir, 'none'),
    AWS_ACCESS_KEY_ID: ADMIN_ACCESS_KEY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: ADMIN_ACCESS_KEY.secretAccessKey,
    AWS_DEFAULT_REGION: DOOMED.region,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  }
  try {
    const r = await run('aws', ['--endpoint-url', t.url, ...args, '--output', 'json'], { env, timeout: 30_000 })
    return { code: 0, stdout: r.stdout, stderr: r.stderr }
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' }
  }
}

describe('DeleteNodegroup', () => {
  // Several aws CLI processes per test: generous budgets for a loaded machine (a budget, not a speed target).
  it(
    'is DELETING for a while (so DeleteCluster is still refused), then gone; the node role keeps its entry',
    { timeout: 120_000 },
    async () => {
      await eks.send(
        new CreateNodegroupCommand({
          clusterName: DOOMED.name,
          nodegroupName: 'workers',
          nodeRole: ROLE_ARNS.eksNodeRole,
          subnets: SUBNETS,
        }),
      )
      setDelay(60_000)
      const deleted = await aws('eks', 'delete-nodegroup', '--cluster-name', DOOMED.name, '--nodegroup-name', 'workers')
      expect(deleted.code, deleted.stderr).toBe(0)
      expect(JSON.parse(deleted.stdout).nodegroup.status).toBe('DELETING')
      const described = await eks.send(
        new DescribeNodegroupCommand({ clusterName: DOOMED.name, nodegroupName: 'workers' }),
      )
      expect(described.nodegroup?.status).toBe('DELETING')
      const refused = await aws('eks', 'delete-cluster', '--name', DOOMED.name)
      expect(refused.code).not.toBe(0)
      expect(refused.stderr).toContain(
        'An error occurred (ResourceInUseException) when calling the DeleteCluster operation: Cluster has nodegroups attached',
      )

      // The SDK's exception carries the cluster and the node group in the way.
      const inUse = await eks.send(new DeleteClusterCommand({ name: DOOMED.name })).catch((e: unknown) => e)
      expect(inUse).toMatchObject({
        name: 'ResourceInUseException',
        message: 'Cluster has nodegroups attached',
        clusterName: DOOMED.name,
        nodegroupName: 'workers',
        $metadata: { httpStatusCode: 409 },
      })

      setDelay(0)
      expect(
        await captureAwsError(
          eks.send(new DescribeNodegroupCommand({ clusterName: DOOMED.name, nodegroupName: 'workers' })),
        ),
      ).toMatchObject({ name: 'ResourceNotFoundException' })
      // EKS never removes the entries it created for node groups (containers-roadmap #2441).
      const entry = await eks.send(
        new DescribeAccessEntryCommand({ clusterName: DOOMED.name, principalArn: ROLE_ARNS.eksNodeRole }),
      )
      expect(entry.accessEntry).toMatchObject({ type: 'EC2_LINUX', kubernetesGroups: ['system:nodes'] })
    },
  )
})

describe('DeleteCluster', () => {
  it(
    'is refused mid-update; then DELETING (described and listed) while its Kubernetes API is gone, then not found',
    { timeout: 120_000 },
    async () => {
      const core = (await t.kubeConfigFor(DOOMED, 'admin')).makeApiClient(CoreV1Api)
      await core.createNamespacedConfigMap({
        namespace: 'default',
        body: { metadata: { name: 'left-behind' }, data: { a: 'b' } },
      })
      const stateFile = join(t.stateDir, 'kube', `${DOOMED.region}__${DOOMED.name}.json`)
      expect(existsSync(stateFile)).toBe(true)

      setDelay(60_000)
      await eks.send(
        new UpdateClusterConfigCommand({
          name: DOOMED.name,
          logging: { clusterLogging: [{ types: ['audit'], enabled: true }] },
        }),
      )
      const midUpdate = await aws('eks', 'delete-cluster', '--name', DOOMED.name)
      expect(midUpdate.stderr).toContain(
        `(ResourceInUseException) when calling the DeleteCluster operation: Cannot delete because cluster ${DOOMED.name} currently has an update in progress`,
      )
      setDelay(0)
      expect((await eks.send(new DescribeClusterCommand({ name: DOOMED.name }))).cluster?.status).toBe('ACTIVE')

      setDelay(60_000)
      const deleted = await aws('eks', 'delete-cluster', '--name', DOOMED.name)
      expect(deleted.code, deleted.stderr).toBe(0)
      expect(JSON.parse(deleted.stdout).cluster).toMatchObject({ name: DOOMED.name, status: 'DELETING' })
      const described = await aws('eks', 'describe-cluster', '--name', DOOMED.name, '--query', 'cluster.status')
      expect(JSON.parse(described.stdout)).toBe('DELETING')
      expect((await eks.send(new ListClustersCommand({}))).clusters).toContain(DOOMED.name)

      // The control plane is torn down first: the endpoint refuses connections, the objects and their file are gone.
      const refused = await core.listNamespace().catch((e: unknown) => e)
      expect(String((refused as { cause?: { code?: string } }).cause?.code ?? refused)).toMatch(/ECONNREFUSED/)
      expect(t.sandbox.kube.store.getCluster(DOOMED)).toBeUndefined()
      expect(existsSync(stateFile)).toBe(false)

      setDelay(0)
      const gone = await aws('eks', 'describe-cluster', '--name', DOOMED.name)
      expect(gone.stderr).toContain('(ResourceNotFoundException)')
      expect(gone.stderr).toContain('No cluster found for name: doomed.')
      expect((await eks.send(new ListClustersCommand({}))).clusters).not.toContain(DOOMED.name)
      expect(await captureAwsError(eks.send(new DeleteClusterCommand({ name: DOOMED.name })))).toMatchObject({
        name: 'ResourceNotFoundException',
      })
    },
  )

  it('a new cluster of the same name starts with a fresh Kubernetes API (none of the old objects)', async () => {
    await eks.send(
      new CreateClusterCommand({
        name: DOOMED.name,
        roleArn: ROLE_ARNS.eksClusterRole,
        resourcesVpcConfig: { subnetIds: SUBNETS },
        accessConfig: { authenticationMode: 'API' },
      }),
    )
    expect((await eks.send(new DescribeClusterCommand({ name: DOOMED.name }))).cluster?.status).toBe('ACTIVE')
    const core = (await t.kubeConfigFor(DOOMED, 'admin')).makeApiClient(CoreV1Api)
    const names = (await core.listNamespacedConfigMap({ namespace: 'default' })).items.map((c) => c.metadata?.name)
    expect(names).toEqual(['kube-root-ca.crt'])
  })
})
