/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureBuilt } from '@/scripts/ensure-built'
import { signInSandbox, startConsoleProcess, type ConsoleProcess } from '@/tests/support/console-server-process'
import { copyDockerRuntime, readDockerRuntime } from '@/tests/support/dockerfile-runtime'
import { freePort } from '@/tests/support/start-local-postgres'
import { startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

// What the container image runs, without a container runtime: the files the Dockerfile's runtime stage copies, put
// into an empty folder, started with the image's command and environment (no inherited PATH or node_modules), must
// serve a sign-in, the cluster list and one audited write against the sandbox.

const projectDir = join(import.meta.dirname, '..', '..')
const runtime = readDockerRuntime(projectDir)
const METRICS_TOKEN = 'standalone-test-metrics-token'
let sandbox: TestSandbox
let server: ConsoleProcess
let appDir: string

beforeAll(async () => {
  ensureBuilt(process.env, projectDir)
  appDir = mkdtempSync(join(tmpdir(), 'console-image-'))
  copyDockerRuntime(projectDir, appDir, runtime)
  sandbox = await startTestSandbox()
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const env: Record<string, string> = {
    ...runtime.env,
    // What a deployment sets (deploy/helm values and secrets); the SQLite file moves from /data to a temp folder.
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    AUDIT_DB_PATH: join(appDir, 'data', 'audit.sqlite'),
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: 'standalone-test-secret-0123456789',
    METRICS_TOKEN,
    CONSOLE_AUTH: 'sandbox',
    AWS_ENDPOINT_URL: sandbox.url,
    AWS_REGION: 'us-west-2',
    CONSOLE_REGIONS: 'us-west-2,eu-west-1',
    AWS_ACCESS_KEY_ID: sandbox.admin.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: sandbox.admin.credentials.secretAccessKey,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  }
  const [command, ...args] = runtime.cmd
  expect(command).toBe('node')
  server = await startConsoleProcess([process.execPath, ...args], appDir, env, url)
}, 900_000)

afterAll(async () => {
  await server?.stop()
  await sandbox?.stop()
  if (appDir) rmSync(appDir, { recursive: true, force: true })
})

describe('the standalone server the image runs', () => {
  it('holds no sandbox and no development dependencies', () => {
    expect(existsSync(join(appDir, 'sandbox'))).toBe(false)
    const modules = readdirSync(join(appDir, 'node_modules'))
    for (const devOnly of ['vitest', 'typescript', '@playwright', 'eslint', 'tsx', 'fast-check', 'kubernetes-models']) {
      expect(modules, devOnly).not.toContain(devOnly)
    }
    expect(existsSync(join(appDir, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true)
    expect(existsSync(join(appDir, 'node_modules/pg/package.json'))).toBe(true)
  })

  it('is live and ready (the SQLite store opened from the copied native addon)', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    const ready = await fetch(`${server.url}/api/health/ready`)
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: [
        { name: 'configuration', ok: true },
        { name: 'store', ok: true, detail: 'sqlite' },
      ],
    })
  })

  it('serves the public assets and the built scripts (the runtime stage copies both beside the server)', async () => {
    for (const asset of ['/icon.svg', '/og-image.png']) {
      expect((await fetch(`${server.url}${asset}`)).status, asset).toBe(200)
    }
    const html = await (await fetch(`${server.url}/signin`)).text()
    const script = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0]
    expect(script, 'a script of the sign-in page').toBeTruthy()
    expect((await fetch(`${server.url}${script}`)).status).toBe(200)
  })

  it('signs in, lists clusters, makes one audited write, and counts it all in the metrics', async () => {
    const admin = await signInSandbox(server.url, 'admin', 'sandbox')
    const page = await admin.request('GET', '/clusters')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<html')

    const clusters = (await (await admin.request('GET', '/api/clusters')).json()) as any
    expect(JSON.stringify(clusters)).toContain('prod-web')

    // @kubernetes/client-node is a server external package: it must be traced into the copy too.
    const namespaces = await admin.request('GET', '/api/clusters/us-west-2/prod-web/namespaces')
    expect(namespaces.status, await namespaces.clone().text()).toBe(200)
    expect(JSON.stringify(await namespaces.json())).toContain('kube-system')

    const principalArn = 'arn:aws:iam::111122223333:role/orders-s3-reader'
    const created = await admin.request('POST', '/api/clusters/us-west-2/prod-web/access-entries', {
      principalArn,
      kubernetesGroups: ['orders-devs'],
      accessPolicies: [],
    })
    expect(created.status, await created.clone().text()).toBe(201)

    const audit = (await (await admin.request('GET', '/api/audit?cluster=us-west-2/prod-web')).json()) as any
    const events = audit.events.filter((e: any) => JSON.stringify(e).includes('orders-s3-reader'))
    expect(events).toHaveLength(1)

    expect((await fetch(`${server.url}/api/metrics`)).status).toBe(401)
    const metrics = await (
      await fetch(`${server.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text()
    expect(metrics).toMatch(/console_http_requests_total\{route="\/api\/clusters",method="GET",status="200"\} 1/)
    expect(metrics).toMatch(
      /console_upstream_calls_total\{service="eks",operation="CreateAccessEntry",outcome="ok"\} 1/,
    )
    expect(metrics).toMatch(/console_upstream_calls_total\{service="eks",operation="ListClusters",outcome="ok"\}/)
    expect(metrics).toMatch(
      /console_upstream_calls_total\{service="kubernetes",operation="list namespaces",outcome="ok"\} [1-9]/,
    )
  })
})
