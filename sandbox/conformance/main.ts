// `npm run sandbox:conformance`: runs the conformance table (aws CLI + kubectl) against a fresh sandbox on free ports,
// a running one (`--endpoint http://127.0.0.1:4566`), or a real AWS account (`--real`, see README "Standalone use").
// Prints a pass/fail table; exits 1 on any mismatch.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

import { ACCOUNT_ID, CLUSTER_LEGACY_BATCH, CLUSTER_PROD_WEB, USER_ACCESS_KEYS } from '../core/seed-constants'
import { startSandbox } from '../start-sandbox'
import { buildConformanceRows, selectSmokeRows } from './conformance-rows'
import type { ConformanceTarget } from './conformance-types'
import { formatConformanceTable, runConformance } from './run-conformance'

const keys = (k: { accessKeyId: string; secretAccessKey: string }) => ({
  AWS_ACCESS_KEY_ID: k.accessKeyId,
  AWS_SECRET_ACCESS_KEY: k.secretAccessKey,
})

/** The target for the sandbox at `url`: its seeded clusters, namespaces and users (carol is the limited one). */
export function buildSandboxTarget(url: string): ConformanceTarget {
  return {
    endpointUrl: url,
    region: CLUSTER_PROD_WEB.region,
    account: ACCOUNT_ID,
    cluster: CLUSTER_PROD_WEB.name,
    configMapCluster: CLUSTER_LEGACY_BATCH.name,
    namespace: 'team-a',
    otherNamespace: 'team-b',
    prefix: `conformance-${Date.now().toString(36)}`,
    credentials: { admin: keys(USER_ACCESS_KEYS.admin), limited: keys(USER_ACCESS_KEYS.carol) },
    sandbox: true,
  }
}

/** Against real AWS: the ambient credentials are `admin`; `--limited-profile` names the limited principal. */
function buildRealTarget(v: Record<string, string | undefined>): ConformanceTarget {
  const need = (name: string) => {
    const value = v[name]
    if (!value) throw new Error(`--real needs --${name}`)
    return value
  }
  const ambient = Object.fromEntries(
    ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']
      .filter((k) => process.env[k])
      .map((k) => [k, process.env[k] as string]),
  )
  // The CLIs read ~/.aws through HOME, which the runner replaces: point them at the real files.
  const home = process.env.HOME ?? ''
  const files = {
    AWS_CONFIG_FILE: join(home, '.aws/config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws/credentials'),
  }
  return {
    region: need('region'),
    account: need('account'),
    cluster: need('cluster'),
    configMapCluster: v['config-map-cluster'],
    namespace: v.namespace ?? 'default',
    otherNamespace: v['other-namespace'] ?? 'kube-public',
    prefix: `conformance-${Date.now().toString(36)}`,
    credentials: {
      admin: { ...files, ...ambient },
      ...(v['limited-profile'] ? { limited: { ...files, AWS_PROFILE: v['limited-profile'] } } : {}),
    },
    sandbox: false,
  }
}

async function main(): Promise<number> {
  const names = ['endpoint', 'region', 'account', 'cluster', 'config-map-cluster', 'namespace', 'other-namespace']
  const { values } = parseArgs({
    options: {
      ...Object.fromEntries([...names, 'limited-profile'].map((n) => [n, { type: 'string' as const }])),
      real: { type: 'boolean' as const },
      smoke: { type: 'boolean' as const },
    },
  })
  const v = values as Record<string, string | undefined>
  const run = (target: ConformanceTarget) => {
    const rows = buildConformanceRows(target.account)
    return runConformance(target, values.smoke === true ? selectSmokeRows(rows) : rows)
  }
  if (values.real === true) return report(await run(buildRealTarget(v)))
  if (v.endpoint) return report(await run(buildSandboxTarget(v.endpoint)))
  const stateDir = await mkdtemp(join(tmpdir(), 'conformance-sandbox-'))
  const sandbox = await startSandbox({ port: 0, stateDir, fresh: true })
  try {
    return report(await run(buildSandboxTarget(sandbox.url)))
  } finally {
    await sandbox.close()
    await rm(stateDir, { recursive: true, force: true })
  }
}

function report(results: Awaited<ReturnType<typeof runConformance>>): number {
  process.stdout.write(`${formatConformanceTable(results)}\n`)
  return results.some((r) => r.status === 'fail') ? 1 : 0
}

if (process.argv[1]?.endsWith('main.ts')) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
      process.exit(2)
    },
  )
}
