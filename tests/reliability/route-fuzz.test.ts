// Fuzzes every write route (POST, PUT, PATCH, DELETE of every app/api route file, found on disk so new routes are
// covered without editing this file) as a signed-in admin against a sandbox: generated JSON bodies and params, from
// near-valid to junk. Whatever comes in, the answer is never a 5xx, never a throw, and a 4xx carries
// `{ error: { code, message } }`. Bounded: a fixed seed and RUNS inputs per handler.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'

import {
  anyJson,
  hostileText,
  nearValidArn,
  nearValidBody,
  shortHostileText,
  validPrincipalArn,
} from '@/tests/support/reliability-arbitraries'

import { roleArn, setUpConsoleAccessSandbox } from '../integration/console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('../integration/console-session-mock'))

setUpConsoleAccessSandbox({ role: 'admin' })

const RUNS = 30
const SEED = 20261202
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const
const API_DIR = join(process.cwd(), 'app', 'api')
// next-auth's own handler (sign-in, callback, sign-out) is not a console write route and has its own CSRF token.
const NOT_CONSOLE_ROUTES = new Set(['auth/[...nextauth]/route.ts'])

const routeFiles = readdirSync(API_DIR, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('route.ts'))
  .map((file) => file.split('\\').join('/'))
  .filter((file) => !NOT_CONSOLE_ROUTES.has(file))
  .sort()
// Read-only route files (GET only) are left out; the source says which methods a file exports.
const writeRouteFiles = routeFiles.filter((file) =>
  WRITE_METHODS.some((method) =>
    new RegExp(`export (const|async function) ${method}\\b|as ${method}\\b`).test(
      readFileSync(join(API_DIR, file), 'utf8'),
    ),
  ),
)

const policy = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`
const seededArns = [roleArn('TeamADeveloper'), roleArn('PlatformAdmin'), roleArn('NoSuchRole')]
const kubeName = fc.oneof(
  fc.constantFrom('default', 'kube-system', 'team-a', 'orders', 'app'),
  fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,12}[a-z0-9])?$/),
  shortHostileText,
)
const arnish = fc.oneof(
  fc.constantFrom(...seededArns),
  validPrincipalArn.map((p) => p.arn),
  nearValidArn,
)
const policyArnish = fc.oneof(
  fc.constantFrom('AmazonEKSViewPolicy', 'AmazonEKSEditPolicy', 'AmazonEKSClusterAdminPolicy').map(policy),
  nearValidArn,
  shortHostileText,
)

/** A value for each route param, by its name in the folder (`[principal]`), mostly plausible, sometimes junk. */
const paramValues: Record<string, fc.Arbitrary<string>> = {
  region: fc.oneof({ weight: 8, arbitrary: fc.constant('us-west-2') }, fc.constantFrom('eu-west-1', 'mars-1', '')),
  cluster: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('prod-web', 'ml-auto', 'legacy-batch') },
    fc.constantFrom('no-such-cluster', '-bad'),
    shortHostileText,
  ),
  principal: fc.oneof(arnish, arnish.map(encodeURIComponent)),
  policy: fc.oneof(policyArnish, policyArnish.map(encodeURIComponent)),
  associationId: fc.oneof(fc.stringMatching(/^a-[a-z0-9]{17}$/), shortHostileText),
  updateId: fc.oneof(fc.uuid(), shortHostileText),
  namespace: kubeName,
  name: kubeName,
}

/** Fields of every write body the console knows, with plausible values; nearValidBody mixes in junk. */
const bodyFields = {
  principalArn: arnish,
  type: fc.constantFrom('STANDARD', 'EC2', 'EC2_LINUX', 'FARGATE_LINUX', 'nope'),
  username: fc.oneof(fc.constantFrom('dev:{{SessionName}}', 'alice'), shortHostileText),
  kubernetesGroups: fc.array(fc.oneof(fc.constantFrom('team-a-devs', 'viewers'), shortHostileText), { maxLength: 3 }),
  accessPolicies: fc.array(
    nearValidBody({
      policyArn: policyArnish,
      accessScope: fc.oneof(
        fc.constant({ type: 'cluster' }),
        fc.record({ type: fc.constant('namespace'), namespaces: fc.array(kubeName, { maxLength: 3 }) }),
      ),
    }),
    { maxLength: 3 },
  ),
  policyArn: policyArnish,
  accessScope: fc.oneof(
    fc.constant({ type: 'cluster' }),
    fc.record({ type: fc.constant('namespace'), namespaces: fc.array(kubeName, { maxLength: 3 }) }),
  ),
  confirmClusterName: fc.constantFrom('prod-web', 'ml-auto', 'wrong'),
  authenticationMode: fc.constantFrom('CONFIG_MAP', 'API_AND_CONFIG_MAP', 'API', 'x'),
  namespace: kubeName,
  serviceAccount: kubeName,
  name: kubeName,
  roleArn: arnish,
  targetRoleArn: fc.oneof(fc.constant(''), arnish),
  disableSessionTags: fc.boolean(),
  createServiceAccount: fc.boolean(),
  policy: fc.oneof(
    fc.constant(JSON.stringify({ Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } })),
    fc.constant(`{"Statement":${'['.repeat(10_000)}{}${']'.repeat(10_000)}}`),
    shortHostileText,
  ),
  audience: fc.oneof(fc.constant('sts.amazonaws.com'), shortHostileText),
  stsRegionalEndpoints: fc.constantFrom('', 'true', 'false'),
  tokenExpiration: fc.constantFrom('', '3600', '86400', 'x'),
  resourceVersion: fc.oneof(fc.constantFrom('1', '999999'), shortHostileText),
  mechanism: fc.constantFrom('pod-identity', 'irsa', 'x'),
  expectedPolicy: shortHostileText,
  region: fc.constantFrom('us-west-2', 'x'),
  cluster: fc.constantFrom('prod-web', 'ml-auto'),
  roleName: fc.oneof(fc.stringMatching(/^fuzz-[a-z0-9]{1,20}$/), shortHostileText),
  description: hostileText,
}

// A body nested 10,000 levels deep: JSON.stringify cannot write one, so it is written by hand (and used when a
// generated body holds anyJson's deep values).
const DEEP_BODY = `{"policy":${'['.repeat(10_000)}${']'.repeat(10_000)},"namespaces":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`
const toText = (value: unknown) => {
  try {
    return JSON.stringify(value)
  } catch {
    return DEEP_BODY
  }
}

/** A raw body: JSON from near-valid to junk, or text that is not JSON at all. */
const rawBody: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: nearValidBody(bodyFields).map(toText) },
  { weight: 2, arbitrary: anyJson.map(toText) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, '', '{', 'null', '[]', '"x"', '{"a":1}}', DEEP_BODY) },
)

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>

/** `clusters/[region]/[cluster]/access-entries/[principal]/route.ts` → ['region', 'cluster', 'principal']. */
function paramNames(file: string): string[] {
  return [...file.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1] ?? '')
}

async function callOnce(handler: Handler, method: string, params: Record<string, string>, body: string | undefined) {
  const req = new Request('http://console.test/api/fuzz', {
    method,
    ...(body === undefined ? {} : { body }),
    // A same-origin JSON request, as the console's own pages send it.
    headers: { 'content-type': 'application/json', origin: 'http://console.test', 'sec-fetch-site': 'same-origin' },
  })
  const response = await handler(req, { params: Promise.resolve(params) })
  const text = await response.text()
  return { status: response.status, text }
}

// Inputs whose 5xx belongs to another piece of work would be skipped at the top of the property, each with a comment
// `// known: <reason>, fixed by <area>`, so the lead can remove it once that lands. There are none today.

describe('route fuzz: every write route answers every input with a non-5xx JSON response', () => {
  it('finds the write routes on disk', () => {
    expect(writeRouteFiles.length).toBeGreaterThanOrEqual(13)
  })

  for (const file of writeRouteFiles) {
    it(`${file}`, async () => {
      const route = (await import(/* @vite-ignore */ join(API_DIR, file))) as Record<string, unknown>
      const methods = WRITE_METHODS.filter((m) => typeof route[m] === 'function')
      expect(methods.length).toBeGreaterThan(0)
      const names = paramNames(file)
      const params = fc.record(Object.fromEntries(names.map((n) => [n, paramValues[n] ?? shortHostileText])))
      for (const method of methods) {
        await fc.assert(
          fc.asyncProperty(params, rawBody, async (p, body) => {
            const answer = await callOnce(route[method] as Handler, method, p as Record<string, string>, body)
            const where = `${method} ${relative(API_DIR, join(API_DIR, file))} ${JSON.stringify(p)} → ${answer.status} ${answer.text.slice(0, 300)}`
            expect(answer.status, where).toBeLessThan(500)
            if (answer.status >= 400) {
              const parsed = JSON.parse(answer.text) as { error?: { code?: unknown; message?: unknown } }
              expect(typeof parsed.error?.code, where).toBe('string')
              expect(typeof parsed.error?.message, where).toBe('string')
            }
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        )
      }
    }, 120_000)
  }
})
