import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { buildConformanceRows } from './conformance-rows'
import type { ConformanceRow, ConformanceTarget, RowResult } from './conformance-types'

interface Ran {
  code: number
  stdout: string
  stderr: string
}

function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: 60_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
}

/** The environment a row's command runs with: only PATH, a private HOME, and the actor's credentials. */
function buildEnv(row: ConformanceRow, target: ConformanceTarget, dir: string): NodeJS.ProcessEnv | undefined {
  const awsActor = row.as === 'limited' ? 'limited' : 'admin'
  const credentials = target.credentials[awsActor]
  if (!credentials) return undefined
  return {
    // Next.js types make NODE_ENV required on ProcessEnv; the CLIs ignore it.
    NODE_ENV: 'production',
    PATH: process.env.PATH ?? '',
    HOME: dir,
    AWS_CONFIG_FILE: join(dir, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'aws-credentials'),
    AWS_DEFAULT_REGION: target.region,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    ...(target.endpointUrl ? { AWS_ENDPOINT_URL: target.endpointUrl } : {}),
    ...credentials,
  }
}

function judge(row: ConformanceRow, ran: Ran, values: Record<string, string>): string | undefined {
  const { expect } = row
  if (expect.exit === 0 && ran.code !== 0) return `exit ${ran.code}: ${ran.stderr.trim().slice(0, 300)}`
  if (expect.exit === 'fail' && ran.code === 0)
    return `expected a failure, got exit 0: ${ran.stdout.trim().slice(0, 200)}`
  if (expect.error) {
    // The aws CLI prints `An error occurred (Code) when calling …`; kubectl prints the reason text.
    const needle = row.tool === 'aws' ? `(${expect.error})` : expect.error
    if (!ran.stderr.includes(needle)) return `expected ${needle} in stderr: ${ran.stderr.trim().slice(0, 300)}`
  }
  for (const wanted of expect.stdout ?? []) {
    const text = fill(wanted, values)
    if (!ran.stdout.includes(text)) return `stdout lacks ${JSON.stringify(text)}: ${ran.stdout.trim().slice(0, 300)}`
  }
  return undefined
}

/**
 * Runs every row of the conformance table against a target (chains side by side, see ConformanceRow.chain) and
 * returns one result per row, in table order. Rows whose
 * actor has no credentials, whose cluster is not given, or that are sandbox-only on a real account are skipped.
 */
export async function runConformance(
  target: ConformanceTarget,
  rows: ConformanceRow[] = buildConformanceRows(target.account),
): Promise<RowResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'conformance-'))
  const values: Record<string, string> = {
    cluster: target.cluster,
    configMapCluster: target.configMapCluster ?? '',
    region: target.region,
    account: target.account,
    namespace: target.namespace,
    otherNamespace: target.otherNamespace,
    prefix: target.prefix,
    dir,
  }
  const results: RowResult[] = new Array<RowResult>(rows.length)
  const runRow = async (row: ConformanceRow, index: number): Promise<void> => {
    results[index] = await runOneRow(row, target, values, dir)
  }
  const runChain = async (indexes: number[]) => {
    for (const i of indexes) await runRow(rows[i] as ConformanceRow, i)
  }
  const indexesOf = (test: (r: ConformanceRow) => boolean) => rows.flatMap((r, i) => (test(r) ? [i] : []))
  try {
    await runChain(indexesOf((r) => r.area === 'setup'))
    const middle = indexesOf((r) => r.area !== 'setup' && r.area !== 'cleanup')
    const chains = new Map<string, number[]>()
    for (const i of middle) {
      const key = rows[i]?.chain ?? 'main'
      chains.set(key, [...(chains.get(key) ?? []), i])
    }
    await Promise.all([...chains.values()].map(runChain))
    await runChain(indexesOf((r) => r.area === 'cleanup'))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return results
}

async function runOneRow(
  row: ConformanceRow,
  target: ConformanceTarget,
  values: Record<string, string>,
  dir: string,
): Promise<RowResult> {
  const env = buildEnv(row, target, dir)
  if (!env) return { row, status: 'skip', detail: `no credentials for ${row.as}` }
  if (row.sandboxOnly && !target.sandbox) return { row, status: 'skip', detail: 'sandbox only' }
  if (row.args.some((a) => a.includes('{configMapCluster}')) && !target.configMapCluster)
    return { row, status: 'skip', detail: 'no CONFIG_MAP cluster given' }
  const args = row.args.map((a) => fill(a, values))
  const kubeconfig = row.as === 'kube-dev' ? 'dev.yaml' : 'admin.yaml'
  const ran =
    row.tool === 'aws'
      ? await runProcess('aws', [...args, '--output', 'json'], env)
      : await runProcess('kubectl', ['--kubeconfig', join(dir, kubeconfig), ...args], env)
  const failure = judge(row, ran, values)
  const captured = row.capture && row.capture.pattern.exec(ran.stdout)?.[1]
  if (row.capture && captured) values[row.capture.name] = captured
  return failure ? { row, status: 'fail', detail: failure } : { row, status: 'pass' }
}

/** The results as a plain-text table, one row per line, with failure details under the failing rows. */
export function formatConformanceTable(results: RowResult[]): string {
  const lines = results.map((r) => {
    const mark = r.status === 'pass' ? 'PASS' : r.status === 'fail' ? 'FAIL' : 'SKIP'
    const head = `${mark}  ${r.row.area.padEnd(16)} ${r.row.tool.padEnd(7)} ${r.row.title}`
    return r.status === 'pass' ? head : `${head}\n      ${r.detail ?? ''}`
  })
  const count = (s: RowResult['status']) => results.filter((r) => r.status === s).length
  lines.push('', `${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`)
  return lines.join('\n')
}
