/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  AssociateAccessPolicyCommand,
  CreateAccessEntryCommand,
  DisassociateAccessPolicyCommand,
  EKSClient,
  ListAccessEntriesCommand,
} from '@aws-sdk/client-eks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureBuilt } from '@/scripts/ensure-built'
import {
  signInSandbox,
  signOut,
  startConsoleProcess,
  withCookie,
  type ConsoleProcess,
} from '@/tests/support/console-server-process'
import { copyDockerRuntime, readDockerRuntime } from '@/tests/support/dockerfile-runtime'
import { freePort, startLocalPostgres, type LocalPostgres } from '@/tests/support/start-local-postgres'
import { startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

// Two console replicas (two standalone servers, as two pods of the Helm chart) sharing one PostgreSQL and one
// sandbox: what one replica writes, signs out or locks, the other sees.

const projectDir = join(import.meta.dirname, '..', '..')
const runtime = readDockerRuntime(projectDir)
const ACCOUNT = '111122223333'
const ADMIN_POLICY = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy'
const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`
const eu = { region: 'eu-west-1', cluster: 'eu-shop' }

const started = await startLocalPostgres()
if (typeof started === 'string') console.log(`Skipping the replica tests: ${started}`)
const pg: LocalPostgres | null = typeof started === 'string' ? null : started
let sandbox: TestSandbox
let appDir: string
let replicas: [ConsoleProcess, ConsoleProcess]

beforeAll(async () => {
  if (!pg) return
  ensureBuilt(process.env, projectDir)
  appDir = mkdtempSync(join(tmpdir(), 'console-replicas-'))
  copyDockerRuntime(projectDir, appDir, runtime)
  sandbox = await startTestSandbox()
  const start = async () => {
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    const env: Record<string, string> = {
      ...runtime.env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      DATABASE_URL: pg.url('postgres'),
      AUDIT_DB_PATH: join(appDir, 'unused.sqlite'),
      NEXTAUTH_URL: url,
      // One secret for every replica, as the chart's Secret gives them: a cookie from one decrypts on the other.
      NEXTAUTH_SECRET: 'replica-test-secret-0123456789ab',
      CONSOLE_AUTH: 'sandbox',
      AWS_ENDPOINT_URL: sandbox.url,
      AWS_REGION: 'us-west-2',
      CONSOLE_REGIONS: 'us-west-2,eu-west-1',
      AWS_ACCESS_KEY_ID: sandbox.admin.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: sandbox.admin.credentials.secretAccessKey,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    }
    return startConsoleProcess([process.execPath, ...runtime.cmd.slice(1)], appDir, env, url)
  }
  replicas = [await start(), await start()]
}, 900_000)

afterAll(async () => {
  await Promise.all((replicas ?? []).map((r) => r.stop()))
  await sandbox?.stop()
  pg?.stop()
  if (appDir) rmSync(appDir, { recursive: true, force: true })
})

describe.skipIf(!pg)('two console replicas on one PostgreSQL', () => {
  it('both are ready on the PostgreSQL store', async () => {
    for (const replica of replicas) {
      const ready = (await (await fetch(`${replica.url}/api/health/ready`)).json()) as any
      expect(ready.checks).toContainEqual({ name: 'store', ok: true, detail: 'postgres' })
    }
  })

  it('audits a write through either replica exactly once, and both show the same log', async () => {
    const [a, b] = replicas
    const viaA = await signInSandbox(a.url, 'editor', 'sandbox')
    const viaB = await signInSandbox(b.url, 'editor', 'sandbox')
    const grant = (client: typeof viaA, name: string) =>
      client.request('POST', '/api/clusters/us-west-2/prod-web/access-entries', {
        principalArn: roleArn(name),
        kubernetesGroups: ['replica-test'],
        accessPolicies: [],
      })
    expect((await grant(viaA, 'orders-s3-reader')).status).toBe(201)
    expect((await grant(viaB, 'billing-irsa')).status).toBe(201)
    for (const [client, name] of [
      [viaA, 'billing-irsa'],
      [viaB, 'orders-s3-reader'],
    ] as const) {
      const log = (await (await client.request('GET', '/api/audit?cluster=us-west-2/prod-web')).json()) as any
      const matching = log.events.filter((e: any) => JSON.stringify(e).includes(roleArn(name)))
      expect(matching, name).toHaveLength(1)
    }
  })

  it('refuses on one replica a session signed out on the other', async () => {
    const [a, b] = replicas
    const onA = await signInSandbox(a.url, 'viewer', 'sandbox')
    const onB = withCookie(b.url, onA.cookie)
    expect((await onB.request('GET', '/api/session/whoami')).status).toBe(200)
    await signOut(a.url, onA)
    expect((await onB.request('GET', '/api/session/whoami')).status).toBe(401)
    expect((await onA.request('GET', '/api/session/whoami')).status).toBe(401)
  })

  it('serializes guarded writes across replicas: two simultaneous deletes of the last two admins never leave zero', async () => {
    const eks = new EKSClient({ ...sandbox.admin, region: eu.region })
    const [a, b] = replicas
    const clients = [await signInSandbox(a.url, 'editor', 'sandbox'), await signInSandbox(b.url, 'editor', 'sandbox')]
    for (let round = 0; round < 5; round++) {
      await sandbox.sandbox.reset()
      // eu-shop with exactly two cluster-admin entries, neither the console's own (user/admin loses its policy).
      const second = roleArn('billing-irsa')
      await eks.send(new CreateAccessEntryCommand({ clusterName: eu.cluster, principalArn: second }))
      await eks.send(
        new AssociateAccessPolicyCommand({
          clusterName: eu.cluster,
          principalArn: second,
          policyArn: ADMIN_POLICY,
          accessScope: { type: 'cluster' },
        }),
      )
      await eks.send(
        new DisassociateAccessPolicyCommand({
          clusterName: eu.cluster,
          principalArn: `arn:aws:iam::${ACCOUNT}:user/admin`,
          policyArn: ADMIN_POLICY,
        }),
      )
      const targets = [roleArn('PlatformAdmin'), second]
      const answers = await Promise.all(
        targets.map((principal, i) =>
          clients[i]!.request(
            'DELETE',
            `/api/clusters/${eu.region}/${eu.cluster}/access-entries/${encodeURIComponent(principal)}`,
            undefined,
            { 'if-match': '*' },
          ),
        ),
      )
      expect(answers.map((r) => r.status).sort(), `round ${round}`).toEqual([200, 403])
      const admins = await eks.send(
        new ListAccessEntriesCommand({ clusterName: eu.cluster, associatedPolicyArn: ADMIN_POLICY }),
      )
      expect(admins.accessEntries, `round ${round}`).toHaveLength(1)
    }
  })
})
