// Narrows the console principal's (IAM user admin) access on one sandbox cluster, and restores it: the "namespace
// without permission" situation no seed cluster gives the console. Through the real EKS API (access entry groups and
// policies) and the cluster's Kubernetes API (a ClusterRole that may only list namespaces and nodes).
import { execFileSync } from 'node:child_process'
import { Agent, request } from 'node:https'
import {
  AssociateAccessPolicyCommand,
  DescribeClusterCommand,
  DisassociateAccessPolicyCommand,
  EKSClient,
  UpdateAccessEntryCommand,
} from '@aws-sdk/client-eks'

import { SANDBOX_URL } from './sandbox-url'

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }
const ADMIN = 'arn:aws:iam::111122223333:user/admin'
const policy = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`
const GROUP = 'console-browsers'
const ROLE = 'e2e-console-browse'

async function kubeRequest(region: string, cluster: string, method: string, path: string, body?: unknown) {
  const eks = new EKSClient({ region, endpoint: SANDBOX_URL, credentials })
  const { cluster: c } = await eks.send(new DescribeClusterCommand({ name: cluster }))
  // `aws eks get-token` only presigns (offline); AWS_ENDPOINT_URL makes the token name the sandbox's STS.
  const out = execFileSync(
    'aws',
    ['eks', 'get-token', '--cluster-name', cluster, '--region', region, '--output', 'json'],
    {
      env: {
        ...process.env,
        AWS_PROFILE: undefined,
        AWS_SESSION_TOKEN: undefined,
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        AWS_ENDPOINT_URL: SANDBOX_URL,
      },
    },
  )
  const token = (JSON.parse(out.toString('utf8')) as { status: { token: string } }).status.token
  const agent = new Agent({ ca: Buffer.from(c?.certificateAuthority?.data ?? '', 'base64') })
  const payload = body === undefined ? undefined : JSON.stringify(body)
  return new Promise<number>((resolve, reject) => {
    const req = request(
      `${c?.endpoint}${path}`,
      { method, agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

/**
 * Leaves the console able to list namespaces and nodes cluster-wide (RBAC) and Pods only in `namespaces` (the
 * AmazonEKSViewPolicy scoped to them), instead of AmazonEKSClusterAdminPolicy. Returns the restore function.
 */
export async function restrictConsoleAccess(region: string, cluster: string, namespaces: string[]) {
  const eks = new EKSClient({ region, endpoint: SANDBOX_URL, credentials })
  const rbac = '/apis/rbac.authorization.k8s.io/v1'
  await kubeRequest(region, cluster, 'POST', `${rbac}/clusterroles`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: ROLE },
    rules: [{ apiGroups: [''], resources: ['namespaces', 'nodes'], verbs: ['get', 'list'] }],
  })
  await kubeRequest(region, cluster, 'POST', `${rbac}/clusterrolebindings`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: ROLE },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: ROLE },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: GROUP }],
  })
  await eks.send(new UpdateAccessEntryCommand({ clusterName: cluster, principalArn: ADMIN, kubernetesGroups: [GROUP] }))
  await eks.send(
    new AssociateAccessPolicyCommand({
      clusterName: cluster,
      principalArn: ADMIN,
      policyArn: policy('AmazonEKSViewPolicy'),
      accessScope: { type: 'namespace', namespaces },
    }),
  )
  await eks.send(
    new DisassociateAccessPolicyCommand({
      clusterName: cluster,
      principalArn: ADMIN,
      policyArn: policy('AmazonEKSClusterAdminPolicy'),
    }),
  )
  return async function restore() {
    await eks.send(
      new AssociateAccessPolicyCommand({
        clusterName: cluster,
        principalArn: ADMIN,
        policyArn: policy('AmazonEKSClusterAdminPolicy'),
        accessScope: { type: 'cluster' },
      }),
    )
    await eks.send(
      new DisassociateAccessPolicyCommand({
        clusterName: cluster,
        principalArn: ADMIN,
        policyArn: policy('AmazonEKSViewPolicy'),
      }),
    )
    await eks.send(new UpdateAccessEntryCommand({ clusterName: cluster, principalArn: ADMIN, kubernetesGroups: [] }))
    await kubeRequest(region, cluster, 'DELETE', `${rbac}/clusterrolebindings/${ROLE}`)
    await kubeRequest(region, cluster, 'DELETE', `${rbac}/clusterroles/${ROLE}`)
  }
}
