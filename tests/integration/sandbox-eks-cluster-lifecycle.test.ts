import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import {
  CreateAddonCommand,
  CreateClusterCommand,
  CreateNodegroupCommand,
  DeleteAddonCommand,
  DeleteClusterCommand,
  DeleteNodegroupCommand,
  DescribeAccessEntryCommand,
  DescribeAddonCommand,
  DescribeClusterCommand,
  EKSClient,
  ListAssociatedAccessPoliciesCommand,
  UpdateAddonCommand,
  UpdateClusterConfigCommand,
} from '@aws-sdk/client-eks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'

import { ADMIN_ACCESS_KEY, ROLE_ARNS, USER_ARNS } from '@/sandbox/core/seed-constants'
import { captureAwsError, startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

const run = promisify(execFile)
let t: TestSandbox
let eks: EKSClient

beforeAll(async () => {
  t = await startTestSandbox()
  eks = new EKSClient({ ...t.admin, maxAttempts: 1 })
})
afterAll(async () => {
  await t.stop()
})

const SUBNETS = ['subnet-0aaa1111bbbb2222c', 'subnet-0ddd3333eeee4444f']

/** Runs aws-cli with admin's keys against the sandbox; nothing configured on the machine leaks in. */
async function aws(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    // Next.js types make NODE_ENV required on ProcessEnv; the CLI ignores it.
    NODE_ENV: 'test',
    PATH: process.env.PATH ?? '',
    HOME: t.stateDir,
    AWS_CONFIG_FILE: join(t.stateDir, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(t.stateDir, 'none'),
    AWS_ACCESS_KEY_ID: ADMIN_ACCESS_KEY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: ADMIN_ACCESS_KEY.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-west-2',
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

describe('CreateCluster with the aws CLI, then kubectl against the new cluster', () => {
  it('creates (CREATING), waits ACTIVE, gives the creator an admin access entry and a working Kubernetes API', async () => {
    const created = await aws([
      'eks',
      'create-cluster',
      '--name',
      'tf-made',
      '--role-arn',
      ROLE_ARNS.eksClusterRole,
      '--resources-vpc-config',
      `subnetIds=${SUBNETS.join(',')},endpointPublicAccess=true`,
      '--access-config',
      'authenticationMode=API,bootstrapClusterCreatorAdminPermissions=true',
    ])
    expect(created.code, created.stderr).toBe(0)
    expect(JSON.parse(created.stdout).cluster).toMatchObject({ name: 'tf-made', status: 'CREATING' })
    // Settle at once so the waiter's first poll sees ACTIVE (its own delay is 30 s).
    t.sandbox.world.eks.settings.updateDelayMs = 0
    expect((await aws(['eks', 'wait', 'cluster-active', '--name', 'tf-made'])).code).toBe(0)

    const policies = await eks.send(
      new ListAssociatedAccessPoliciesCommand({ clusterName: 'tf-made', principalArn: USER_ARNS.admin }),
    )
    expect(policies.associatedAccessPolicies).toEqual([
      expect.objectContaining({
        policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
        accessScope: { type: 'cluster', namespaces: [] },
      }),
    ])

    const { arn, endpoint, caData } = await t.describeKubeEndpoint({ region: 'us-west-2', name: 'tf-made' })
    const got = await aws(['eks', 'get-token', '--cluster-name', 'tf-made'])
    expect(got.code, got.stderr).toBe(0)
    const token = (JSON.parse(got.stdout) as { status: { token: string } }).status.token
    const file = join(t.stateDir, 'tf-made.yaml')
    await writeFile(
      file,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: arn, cluster: { server: endpoint, 'certificate-authority-data': caData } }],
        users: [{ name: 'admin', user: { token } }],
        contexts: [{ name: arn, context: { cluster: arn, user: 'admin' } }],
        'current-context': arn,
      }),
    )
    const ns = await run('kubectl', ['--kubeconfig', file, 'get', 'namespaces', '-o', 'name'], { timeout: 30_000 })
    expect(ns.stdout).toContain('namespace/kube-system')
    const who = await run('kubectl', ['--kubeconfig', file, 'auth', 'whoami', '-o', 'json'], { timeout: 30_000 })
    expect(JSON.parse(who.stdout).status.userInfo.username).toBe(USER_ARNS.admin)
  })

  it('refuses a second cluster of the same name, a role EKS cannot assume, and a caller without eks:CreateCluster', async () => {
    const input = { name: 'tf-made', roleArn: ROLE_ARNS.eksClusterRole, resourcesVpcConfig: { subnetIds: SUBNETS } }
    expect(await captureAwsError(eks.send(new CreateClusterCommand(input)))).toMatchObject({
      name: 'ResourceInUseException',
      status: 409,
      message: 'Cluster already exists with name: tf-made',
    })
    const badRole = await captureAwsError(
      eks.send(new CreateClusterCommand({ ...input, name: 'other', roleArn: ROLE_ARNS.TeamADeveloper })),
    )
    expect(badRole).toMatchObject({ name: 'InvalidParameterException', status: 400 })
    const bob = new EKSClient({ ...t.users.bob, maxAttempts: 1 })
    expect(await captureAwsError(bob.send(new CreateClusterCommand({ ...input, name: 'bobs' })))).toMatchObject({
      name: 'AccessDeniedException',
      status: 403,
      message: `User: ${USER_ARNS.bob} is not authorized to perform: eks:CreateCluster on resource: arn:aws:eks:us-west-2:111122223333:cluster/bobs`,
    })
  })
})

describe('node groups, add-ons and config updates on the new cluster', () => {
  it('CreateNodegroup gives the node role an EC2_LINUX access entry; the cluster cannot be deleted while it exists', async () => {
    const { nodegroup } = await eks.send(
      new CreateNodegroupCommand({
        clusterName: 'tf-made',
        nodegroupName: 'workers',
        nodeRole: ROLE_ARNS.eksNodeRole,
        subnets: SUBNETS,
        scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 },
      }),
    )
    expect(nodegroup).toMatchObject({ nodegroupName: 'workers', status: 'CREATING', clusterName: 'tf-made' })
    const entry = await eks.send(
      new DescribeAccessEntryCommand({ clusterName: 'tf-made', principalArn: ROLE_ARNS.eksNodeRole }),
    )
    expect(entry.accessEntry).toMatchObject({
      type: 'EC2_LINUX',
      username: 'system:node:{{EC2PrivateDNSName}}',
      kubernetesGroups: ['system:nodes'],
    })
    expect(await captureAwsError(eks.send(new DeleteClusterCommand({ name: 'tf-made' })))).toMatchObject({
      name: 'ResourceInUseException',
    })
  })

  it('creates, updates and deletes an add-on', async () => {
    const created = await eks.send(
      new CreateAddonCommand({
        clusterName: 'tf-made',
        addonName: 'eks-pod-identity-agent',
        addonVersion: 'v1.3.4-eksbuild.1',
      }),
    )
    expect(created.addon).toMatchObject({ addonName: 'eks-pod-identity-agent', status: 'CREATING' })
    expect(
      (
        await captureAwsError(
          eks.send(new CreateAddonCommand({ clusterName: 'tf-made', addonName: 'eks-pod-identity-agent' })),
        )
      ).name,
    ).toBe('ResourceInUseException')
    const { update } = await eks.send(
      new UpdateAddonCommand({
        clusterName: 'tf-made',
        addonName: 'eks-pod-identity-agent',
        addonVersion: 'v1.3.5-eksbuild.2',
      }),
    )
    expect(update).toMatchObject({
      type: 'AddonUpdate',
      params: [{ type: 'AddonVersion', value: 'v1.3.5-eksbuild.2' }],
    })
    const described = await eks.send(
      new DescribeAddonCommand({ clusterName: 'tf-made', addonName: 'eks-pod-identity-agent' }),
    )
    expect(described.addon).toMatchObject({ addonVersion: 'v1.3.5-eksbuild.2', status: 'ACTIVE' })
    const deleted = await eks.send(
      new DeleteAddonCommand({ clusterName: 'tf-made', addonName: 'eks-pod-identity-agent' }),
    )
    expect(deleted.addon?.status).toBe('DELETING')
    expect(
      (
        await captureAwsError(
          eks.send(new DescribeAddonCommand({ clusterName: 'tf-made', addonName: 'eks-pod-identity-agent' })),
        )
      ).name,
    ).toBe('ResourceNotFoundException')
  })

  it('updates logging and the endpoint access flags through UpdateClusterConfig', async () => {
    const logging = await eks.send(
      new UpdateClusterConfigCommand({
        name: 'tf-made',
        logging: { clusterLogging: [{ types: ['api', 'audit'], enabled: true }] },
      }),
    )
    expect(logging.update?.type).toBe('LoggingUpdate')
    const endpoint = await eks.send(
      new UpdateClusterConfigCommand({ name: 'tf-made', resourcesVpcConfig: { endpointPrivateAccess: true } }),
    )
    expect(endpoint.update?.type).toBe('EndpointAccessUpdate')
    const { cluster } = await eks.send(new DescribeClusterCommand({ name: 'tf-made' }))
    expect(cluster?.logging?.clusterLogging?.[0]).toEqual({ types: ['api', 'audit'], enabled: true })
    expect(cluster?.resourcesVpcConfig).toMatchObject({ endpointPrivateAccess: true, endpointPublicAccess: true })
  })

  it('deletes the node group, then the cluster (DELETING), which is then gone', async () => {
    const ng = await eks.send(new DeleteNodegroupCommand({ clusterName: 'tf-made', nodegroupName: 'workers' }))
    expect(ng.nodegroup?.status).toBe('DELETING')
    const deleted = await eks.send(new DeleteClusterCommand({ name: 'tf-made' }))
    expect(deleted.cluster).toMatchObject({ name: 'tf-made', status: 'DELETING' })
    expect(await captureAwsError(eks.send(new DescribeClusterCommand({ name: 'tf-made' })))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'No cluster found for name: tf-made.',
    })
  })
})
