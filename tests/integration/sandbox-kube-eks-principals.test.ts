// Issue 3's test list with REAL tokens: @kubernetes/client-node against the Kubernetes API startSandbox runs, each
// client carrying a token the console's buildEksToken minted from a principal's credentials (IAM user keys, or an STS
// AssumeRole session), endpoint + CA from DescribeCluster. Covers who each principal is (access entries, aws-auth,
// precedence per authentication mode), what it may do (access policies + RBAC) and optimistic concurrency (409).
// Refused tokens (401) are in sandbox-kube-eks-tokens.test.ts.
import {
  AssociateAccessPolicyCommand,
  CreateAccessEntryCommand,
  DeleteAccessEntryCommand,
  DescribeClusterCommand,
  EKSClient,
  UpdateClusterConfigCommand,
} from '@aws-sdk/client-eks'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { ROLE_ARNS, USER_ARNS } from '@/sandbox/core/seed-constants'
import {
  canI,
  buildKubeClients as clients,
  expectUnauthorized,
  captureKubeFailure as failureOf,
  whoAmI,
} from '@/tests/support/kube-test-clients'
import {
  captureAwsError,
  EKS_GET_TOKEN_SESSION_NAME,
  startTestSandbox,
  type KubeClusterRef,
  type TestSandbox,
} from '@/tests/support/start-test-sandbox'

vi.mock('server-only', () => ({}))

const PROD_WEB: KubeClusterRef = { region: 'us-west-2', name: 'prod-web' }
const ML_AUTO: KubeClusterRef = { region: 'us-west-2', name: 'ml-auto' }
const LEGACY: KubeClusterRef = { region: 'us-west-2', name: 'legacy-batch' }
const VIEW_POLICY = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy'
/** The default username EKS gives a role's entry, rendered for `aws eks get-token`'s session (docs/access-entries.md#default-username, docs/eks-token-and-kubeconfig.md#building-a-token). */
const assumedRole = (role: string) => `arn:aws:sts::111122223333:assumed-role/${role}/${EKS_GET_TOKEN_SESSION_NAME}`

let aws: TestSandbox

beforeAll(async () => {
  aws = await startTestSandbox()
})
afterAll(async () => aws?.stop())

const eksFor = (cluster: KubeClusterRef) => new EKSClient(aws.configFor(aws.admin.credentials, cluster.region))

describe('the admin user (cluster creator, AmazonEKSClusterAdminPolicy)', () => {
  it('sees everything: every namespace, nodes, secrets in kube-system', async () => {
    const kc = await aws.kubeConfigFor(PROD_WEB, 'admin')
    const { core } = clients(kc)
    const namespaces = (await core.listNamespace()).items.map((n) => n.metadata?.name)
    expect(namespaces).toEqual(expect.arrayContaining(['default', 'kube-system', 'team-a', 'team-b']))
    const pods = await core.listPodForAllNamespaces()
    expect(new Set(pods.items.map((p) => p.metadata?.namespace)).size).toBeGreaterThan(4)
    expect((await core.listNode()).items.length).toBeGreaterThan(0)
    // aws-auth in kube-system, and secrets there (the sandbox serves no Secret objects; the review answers).
    expect((await core.readNamespacedConfigMap({ namespace: 'kube-system', name: 'aws-auth' })).data).toHaveProperty(
      'mapRoles',
    )
    expect(await canI(kc, 'list', 'secrets', 'kube-system')).toBe(true)
    expect(await canI(kc, 'delete', 'nodes')).toBe(true)
  })

  it('is its user ARN with no groups but system:authenticated, and the uid/extra of aws-iam-authenticator', async () => {
    const me = await whoAmI(await aws.kubeConfigFor(PROD_WEB, 'admin'))
    expect(me).toMatchObject({ username: USER_ARNS.admin, groups: ['system:authenticated'] })
    expect(me.uid).toMatch(/^aws-iam-authenticator:111122223333:AIDA/)
    expect(me.extra).toMatchObject({ arn: [USER_ARNS.admin], canonicalArn: [USER_ARNS.admin], sessionName: [''] })
  })
})

describe('a developer role granted AmazonEKSViewPolicy on namespace team-a through the EKS API (ml-auto, API mode)', () => {
  // ml-auto has no entry for TeamADeveloper (sandbox/eks/seed/seed-world.ts): the grant below is its only access.
  const dev = { roleArn: ROLE_ARNS.TeamADeveloper, via: 'alice' } as const
  let granted = false

  beforeAll(async () => {
    const eks = eksFor(ML_AUTO)
    await eks.send(new CreateAccessEntryCommand({ clusterName: ML_AUTO.name, principalArn: dev.roleArn }))
    granted = true
    await eks.send(
      new AssociateAccessPolicyCommand({
        clusterName: ML_AUTO.name,
        principalArn: dev.roleArn,
        policyArn: VIEW_POLICY,
        accessScope: { type: 'namespace', namespaces: ['team-a'] },
      }),
    )
  })
  afterAll(async () => {
    if (granted)
      await eksFor(ML_AUTO).send(new DeleteAccessEntryCommand({ clusterName: ML_AUTO.name, principalArn: dev.roleArn }))
  })

  it('lists and reads pods in team-a', async () => {
    const { core } = clients(await aws.kubeConfigFor(ML_AUTO, dev))
    const pods = (await core.listNamespacedPod({ namespace: 'team-a' })).items
    expect(pods.length).toBeGreaterThan(0)
    const name = pods[0]?.metadata?.name ?? ''
    expect((await core.readNamespacedPod({ namespace: 'team-a', name })).metadata?.name).toBe(name)
  })

  it('is Forbidden in kube-system, on secrets, and for writes, with the kube-apiserver message', async () => {
    const { core } = clients(await aws.kubeConfigFor(ML_AUTO, dev))
    const user = assumedRole('TeamADeveloper')
    const inKubeSystem = await failureOf(core.listNamespacedPod({ namespace: 'kube-system' }))
    expect(inKubeSystem).toMatchObject({ code: 403, body: { kind: 'Status', reason: 'Forbidden', code: 403 } })
    expect(inKubeSystem.body?.message).toContain(
      `pods is forbidden: User "${user}" cannot list resource "pods" in API group "" in the namespace "kube-system"`,
    )
    // AmazonEKSViewPolicy is `view`: no secrets, even in its own namespace (docs/access-policies.md#user-facing-policies).
    const secrets = await failureOf(core.listNamespacedSecret({ namespace: 'team-a' }))
    expect(secrets.code).toBe(403)
    expect(secrets.body?.message).toContain(`secrets is forbidden: User "${user}" cannot list resource "secrets"`)
    const write = await failureOf(
      core.createNamespacedConfigMap({ namespace: 'team-a', body: { metadata: { name: 'view-cannot-write' } } }),
    )
    expect(write.code).toBe(403)
  })

  it('SelfSubjectReview shows the entry’s default username rendered with the session name', async () => {
    const me = await whoAmI(await aws.kubeConfigFor(ML_AUTO, dev))
    expect(me).toMatchObject({ username: assumedRole('TeamADeveloper'), groups: ['system:authenticated'] })
    expect(me.uid).toMatch(/^aws-iam-authenticator:111122223333:AROA[A-Z0-9]+$/)
    expect(me.extra).toMatchObject({
      canonicalArn: [ROLE_ARNS.TeamADeveloper],
      sessionName: ['EKSGetTokenAuth'],
      arn: [assumedRole('TeamADeveloper')],
    })
  })

  it('SelfSubjectRulesReview lists RBAC rules only and says it is incomplete (access policies are a webhook)', async () => {
    const { authz } = clients(await aws.kubeConfigFor(ML_AUTO, dev))
    const review = await authz.createSelfSubjectRulesReview({ body: { spec: { namespace: 'team-a' } } })
    expect(review.status?.incomplete).toBe(true)
    const resources = review.status?.resourceRules.flatMap((r) => r.resources ?? []) ?? []
    // system:basic-user (system:authenticated) is all RBAC grants it; the View policy's pods never appear.
    expect(resources).toEqual(expect.arrayContaining(['selfsubjectaccessreviews', 'selfsubjectrulesreviews']))
    expect(resources).not.toContain('pods')
  })

  it('loses access when the entry is deleted', async () => {
    const token = await aws.eksTokenFor(ML_AUTO, dev)
    await eksFor(ML_AUTO).send(new DeleteAccessEntryCommand({ clusterName: ML_AUTO.name, principalArn: dev.roleArn }))
    granted = false
    await expectUnauthorized(aws, ML_AUTO, token)
  })
})

describe('API_AND_CONFIG_MAP (prod-web): the access entry wins over aws-auth', () => {
  it('TeamBDeveloper is its entry’s username and groups, not its aws-auth mapping', async () => {
    // aws-auth maps it to team-b-legacy:{{SessionName}} in [team-b-devs, team-b-legacy] (kube/seed/aws-auth-seed.ts).
    const kc = await aws.kubeConfigFor(PROD_WEB, { roleArn: ROLE_ARNS.TeamBDeveloper, via: 'bob' })
    expect(await whoAmI(kc)).toMatchObject({
      username: 'team-b:EKSGetTokenAuth',
      groups: ['team-b-devs', 'system:authenticated'],
    })
    // The entry's group is bound to `edit` in team-b only.
    const { core } = clients(kc)
    await expect(core.listNamespacedPod({ namespace: 'team-b' })).resolves.toBeDefined()
    expect((await failureOf(core.listNamespacedPod({ namespace: 'team-a' }))).code).toBe(403)
  })

  it('PlatformAdmin gets its entry’s cluster-admin policy, not aws-auth’s system:masters', async () => {
    const kc = await aws.kubeConfigFor(PROD_WEB, { roleArn: ROLE_ARNS.PlatformAdmin })
    expect(await whoAmI(kc)).toMatchObject({
      username: assumedRole('PlatformAdmin'),
      groups: ['system:authenticated'],
    })
    expect(await canI(kc, 'list', 'secrets', 'kube-system')).toBe(true)
    expect(await canI(kc, 'delete', 'nodes')).toBe(true)
  })
})

describe('CONFIG_MAP (legacy-batch): aws-auth only', () => {
  afterAll(async () => {
    vi.unstubAllEnvs()
    // The mode change below is one-way in EKS; the seed is the only way back.
    await aws.sandbox.reset()
  })

  it('maps a role that only aws-auth knows, with its username template and system:masters', async () => {
    const kc = await aws.kubeConfigFor(LEGACY, { roleArn: ROLE_ARNS.PlatformAdmin })
    expect(await whoAmI(kc)).toMatchObject({
      username: 'admin:EKSGetTokenAuth',
      groups: ['system:masters', 'system:authenticated'],
    })
    expect(await canI(kc, 'list', 'secrets', 'kube-system')).toBe(true)
  })

  it('maps a user through mapUsers (RBAC edit in team-a only) and the creator invisibly', async () => {
    const alice = await aws.kubeConfigFor(LEGACY, 'alice')
    expect(await whoAmI(alice)).toMatchObject({ username: 'alice', groups: ['team-a-devs', 'system:authenticated'] })
    expect((await failureOf(clients(alice).core.listNamespacedPod({ namespace: 'kube-system' }))).code).toBe(403)
    expect(await whoAmI(await aws.kubeConfigFor(LEGACY, 'admin'))).toMatchObject({
      username: 'kubernetes-admin',
      groups: ['system:masters', 'system:authenticated'],
    })
  })

  it('refuses access entries (EKS API) and a principal aws-auth does not map (401)', async () => {
    const error = await captureAwsError(
      eksFor(LEGACY).send(new CreateAccessEntryCommand({ clusterName: LEGACY.name, principalArn: USER_ARNS.alice })),
    )
    expect(error).toMatchObject({
      name: 'InvalidRequestException',
      status: 400,
      message:
        "The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to perform this operation.",
    })
    await expectUnauthorized(aws, LEGACY, await aws.eksTokenFor(LEGACY, { roleArn: ROLE_ARNS.TeamADeveloper }))
  })

  it('an access entry counts only once the mode reads entries, and then wins over aws-auth', async () => {
    // EKS cannot hold an access entry on a CONFIG_MAP cluster, so: migrate as a person would (UpdateClusterConfig to
    // API_AND_CONFIG_MAP), give alice an entry that maps her differently from aws-auth, and see which identity wins.
    vi.stubEnv('SANDBOX_EKS_UPDATE_DELAY_MS', '0')
    const eks = eksFor(LEGACY)
    await eks.send(
      new UpdateClusterConfigCommand({
        name: LEGACY.name,
        accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' },
      }),
    )
    const { cluster } = await eks.send(new DescribeClusterCommand({ name: LEGACY.name }))
    expect(cluster).toMatchObject({ status: 'ACTIVE', accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' } })
    await eks.send(
      new CreateAccessEntryCommand({
        clusterName: LEGACY.name,
        principalArn: USER_ARNS.alice,
        username: 'alice-by-entry',
        kubernetesGroups: ['team-b-devs'],
      }),
    )
    const alice = await aws.kubeConfigFor(LEGACY, 'alice')
    expect(await whoAmI(alice)).toMatchObject({
      username: 'alice-by-entry',
      groups: ['team-b-devs', 'system:authenticated'],
    })
    // aws-auth still maps whoever has no entry.
    expect(await whoAmI(await aws.kubeConfigFor(LEGACY, { roleArn: ROLE_ARNS.PlatformAdmin }))).toMatchObject({
      username: 'admin:EKSGetTokenAuth',
    })
    // No API goes back to CONFIG_MAP; flipping the stored mode shows the authenticator reads the mode, not merely
    // whether entries exist: the same token is aws-auth's alice again.
    const record = aws.sandbox.world.eks.clusters[LEGACY.region]?.[LEGACY.name]
    if (!record) throw new Error('legacy-batch is missing from the sandbox world')
    record.authenticationMode = 'CONFIG_MAP'
    expect(await whoAmI(alice)).toMatchObject({ username: 'alice', groups: ['team-a-devs', 'system:authenticated'] })
  })
})

describe('optimistic concurrency', () => {
  it('answers a ConfigMap update with a stale resourceVersion with 409 Conflict', async () => {
    // TeamBDeveloper writes through RBAC (its entry's group team-b-devs has `edit` in team-b).
    const { core } = clients(await aws.kubeConfigFor(PROD_WEB, { roleArn: ROLE_ARNS.TeamBDeveloper, via: 'bob' }))
    const namespace = 'team-b'
    const created = await core.createNamespacedConfigMap({
      namespace,
      body: { metadata: { generateName: 'stale-rv-' }, data: { step: '1' } },
    })
    const name = created.metadata?.name ?? ''
    try {
      const updated = await core.replaceNamespacedConfigMap({
        namespace,
        name,
        body: { ...created, data: { step: '2' } },
      })
      expect(updated.metadata?.resourceVersion).not.toBe(created.metadata?.resourceVersion)
      const stale = await failureOf(
        core.replaceNamespacedConfigMap({ namespace, name, body: { ...created, data: { step: 'stale' } } }),
      )
      expect(stale).toEqual({
        code: 409,
        body: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `Operation cannot be fulfilled on configmaps "${name}": the object has been modified; please apply your changes to the latest version and try again`,
          reason: 'Conflict',
          details: { name, kind: 'configmaps' },
          code: 409,
        },
      })
      expect((await core.readNamespacedConfigMap({ namespace, name })).data).toEqual({ step: '2' })
    } finally {
      await core.deleteNamespacedConfigMap({ namespace, name })
    }
  })
})
