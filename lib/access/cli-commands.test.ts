import { execFile } from 'node:child_process'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { promisify } from 'node:util'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  buildAssociateAccessPolicyArgs,
  buildCreateAccessEntryArgs,
  buildDeleteAccessEntryArgs,
  buildDisassociateAccessPolicyArgs,
  buildUpdateAccessEntryArgs,
  buildUpdateAuthenticationModeArgs,
  buildUpdateKubeconfigArgs,
  formatShellCommand,
  quoteShellWord,
} from './cli-commands'

const cluster = { clusterName: 'prod-web', region: 'us-west-2' }
const ROLE = 'arn:aws:iam::111122223333:role/TeamADeveloper'
const EDIT = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy'

describe('quoteShellWord', () => {
  it.each([
    ['prod-web', 'prod-web'],
    [ROLE, ROLE],
    ['type=namespace,namespaces=a,b', 'type=namespace,namespaces=a,b'],
    ['team-a:{{SessionName}}', "'team-a:{{SessionName}}'"],
    ['dev-*', "'dev-*'"],
    ["it's", "'it'\\''s'"],
    ['', "''"],
    ['a b', "'a b'"],
    ['$(rm -rf /)', "'$(rm -rf /)'"],
  ])('%s → %s', (word, expected) => {
    expect(quoteShellWord(word)).toBe(expected)
  })
})

describe('builders', () => {
  it.each([
    [
      buildCreateAccessEntryArgs({
        ...cluster,
        principalArn: ROLE,
        username: 'team-a:{{SessionName}}',
        kubernetesGroups: ['team-a-devs', 'viewers'],
      }),
      `aws eks create-access-entry --region us-west-2 --cluster-name prod-web --principal-arn ${ROLE} --username 'team-a:{{SessionName}}' --kubernetes-groups team-a-devs viewers`,
    ],
    [
      buildCreateAccessEntryArgs({ ...cluster, principalArn: ROLE, type: 'EC2_LINUX' }),
      `aws eks create-access-entry --region us-west-2 --cluster-name prod-web --principal-arn ${ROLE} --type EC2_LINUX`,
    ],
    [
      buildCreateAccessEntryArgs({ ...cluster, principalArn: ROLE, type: 'STANDARD', kubernetesGroups: [] }),
      `aws eks create-access-entry --region us-west-2 --cluster-name prod-web --principal-arn ${ROLE}`,
    ],
    [
      buildUpdateAccessEntryArgs({ ...cluster, principalArn: ROLE, kubernetesGroups: [] }),
      `aws eks update-access-entry --region us-west-2 --cluster-name prod-web --principal-arn ${ROLE} --kubernetes-groups '[]'`,
    ],
    [
      buildUpdateAccessEntryArgs({ ...cluster, principalArn: ROLE, username: 'alice' }),
      `aws eks update-access-entry --region us-west-2 --cluster-name prod-web --principal-arn ${ROLE} --username alice`,
    ],
    [
      buildDeleteAccessEntryArgs({ ...cluster, principalArn: ROLE }),
      `aws eks delete-access-entry --region us-west-2 --cluster-name prod-web --principal-arn ${ROLE}`,
    ],
    [
      buildAssociateAccessPolicyArgs({
        ...cluster,
        principalArn: ROLE,
        policyArn: EDIT,
        accessScope: { type: 'namespace', namespaces: ['team-a', 'dev-*'] },
      }),
      `aws eks associate-access-policy --region us-west-2 --cluster-name prod-web --principal-arn ${ROLE} --policy-arn ${EDIT} --access-scope 'type=namespace,namespaces=team-a,dev-*'`,
    ],
    [
      buildAssociateAccessPolicyArgs({
        ...cluster,
        principalArn: ROLE,
        policyArn: EDIT,
        accessScope: { type: 'cluster', namespaces: [] },
      }),
      `aws eks associate-access-policy --region us-west-2 --cluster-name prod-web --principal-arn ${ROLE} --policy-arn ${EDIT} --access-scope type=cluster`,
    ],
    [
      buildDisassociateAccessPolicyArgs({ ...cluster, principalArn: ROLE, policyArn: EDIT }),
      `aws eks disassociate-access-policy --region us-west-2 --cluster-name prod-web --principal-arn ${ROLE} --policy-arn ${EDIT}`,
    ],
    [
      buildUpdateAuthenticationModeArgs({ ...cluster, authenticationMode: 'API_AND_CONFIG_MAP' }),
      'aws eks update-cluster-config --region us-west-2 --name prod-web --access-config authenticationMode=API_AND_CONFIG_MAP',
    ],
    [
      buildUpdateKubeconfigArgs({ ...cluster, roleArn: ROLE, alias: 'prod' }),
      `aws eks update-kubeconfig --region us-west-2 --name prod-web --role-arn ${ROLE} --alias prod`,
    ],
  ])('%j', (argv, text) => {
    expect(formatShellCommand(argv, { width: Infinity })).toBe(text)
  })

  it('formats one flag per continued line', () => {
    expect(
      formatShellCommand(buildDeleteAccessEntryArgs({ ...cluster, principalArn: ROLE }), { multiline: true }),
    ).toBe(
      `aws eks delete-access-entry \\\n  --region us-west-2 \\\n  --cluster-name prod-web \\\n  --principal-arn ${ROLE}`,
    )
  })
})

// The real aws CLI parses the shell text we print; a local HTTP server stands in for EKS and records what arrives.
describe('the aws CLI accepts the printed commands', () => {
  const received: { path: string; body: string }[] = []
  const server = createServer((req: IncomingMessage, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      received.push({ path: decodeURIComponent(req.url ?? ''), body })
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    })
  })
  let endpoint = ''
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const run = (argv: string[]) =>
    promisify(execFile)('sh', ['-c', `${formatShellCommand(argv, { multiline: true })} --endpoint-url ${endpoint}`], {
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_MAX_ATTEMPTS: '1',
      },
    })

  it.each([
    [
      buildAssociateAccessPolicyArgs({
        ...cluster,
        principalArn: ROLE,
        policyArn: EDIT,
        accessScope: { type: 'namespace', namespaces: ['team-a', 'dev-*'] },
      }),
      `/clusters/prod-web/access-entries/${ROLE}/access-policies`,
      { policyArn: EDIT, accessScope: { type: 'namespace', namespaces: ['team-a', 'dev-*'] } },
    ],
    [
      buildCreateAccessEntryArgs({
        ...cluster,
        principalArn: ROLE,
        username: "o'brien:{{SessionName}}",
        kubernetesGroups: ['a', 'b'],
      }),
      '/clusters/prod-web/access-entries',
      { principalArn: ROLE, username: "o'brien:{{SessionName}}", kubernetesGroups: ['a', 'b'] },
    ],
    [
      buildUpdateAccessEntryArgs({ ...cluster, principalArn: ROLE, kubernetesGroups: [] }),
      `/clusters/prod-web/access-entries/${ROLE}`,
      { kubernetesGroups: [] },
    ],
  ])('%j', async (argv, path, body) => {
    await run(argv)
    const last = received.at(-1)
    expect(last?.path).toBe(path)
    expect(JSON.parse(last?.body ?? '{}')).toMatchObject(body)
  })
})

// What the copy button gives is the wrapped text itself: bash must read it back as exactly the argv it came from.
describe('wrapped commands stay runnable', () => {
  const parseWithBash = async (text: string): Promise<string[]> => {
    const { stdout } = await promisify(execFile)('bash', ['-c', `set -- ${text}\nprintf '%s\\0' "$@"`])
    return stdout.split('\0').slice(0, -1)
  }
  const longArn = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy'

  it('wraps a long command at argument boundaries, keeping each flag with its value', () => {
    const argv = buildAssociateAccessPolicyArgs({
      ...cluster,
      principalArn: ROLE,
      policyArn: longArn,
      accessScope: { type: 'cluster' },
    })
    expect(formatShellCommand(argv).split('\n')).toEqual([
      'aws eks associate-access-policy \\',
      '  --region us-west-2 \\',
      '  --cluster-name prod-web \\',
      `  --principal-arn ${ROLE} \\`,
      `  --policy-arn ${longArn} \\`,
      '  --access-scope type=cluster',
    ])
  })

  it('keeps a short command on one line', () => {
    expect(formatShellCommand(['kubectl', 'create', 'serviceaccount', 'web', '--namespace', 'a'])).toBe(
      'kubectl create serviceaccount web --namespace a',
    )
  })

  it('packs a long run of values into lines no wider than the width', () => {
    const groups = Array.from({ length: 12 }, (_, i) => `team-${i}-developers`)
    const argv = buildCreateAccessEntryArgs({ ...cluster, principalArn: ROLE, kubernetesGroups: groups })
    const lines = formatShellCommand(argv).split(' \\\n  ')
    const valueLines = lines.slice(lines.findIndex((l) => l.startsWith('--kubernetes-groups')))
    expect(valueLines.length).toBeGreaterThan(2)
    for (const line of valueLines) expect(line.length).toBeLessThanOrEqual(52)
    expect(valueLines.join(' ')).toBe(['--kubernetes-groups', ...groups].join(' '))
  })

  it('bash -n accepts a wrapped command', async () => {
    const text = formatShellCommand(
      buildCreateAccessEntryArgs({ ...cluster, principalArn: ROLE, username: "o'brien", kubernetesGroups: ['a b'] }),
    )
    await expect(promisify(execFile)('bash', ['-n', '-c', text])).resolves.toBeDefined()
  })

  it('bash parses any wrapped argv back to the same words', async () => {
    const word = fc.oneof(
      fc.constantFrom(
        '--principal-arn',
        '--kubernetes-groups',
        '--policy',
        '--x',
        ROLE,
        "it's",
        'a b',
        '$(id)',
        '*',
        '',
      ),
      fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
      fc.string({ maxLength: 12 }).map((s) => `--${s}`),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.array(word, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 10, max: 80 }),
        fc.boolean(),
        async (rest, width, multiline) => {
          const argv = ['aws', ...rest.map((w) => w.replaceAll('\0', ''))]
          expect(await parseWithBash(formatShellCommand(argv, { width, multiline }))).toEqual(argv)
        },
      ),
      { numRuns: 60 },
    )
  })
})
