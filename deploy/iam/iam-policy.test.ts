import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// The console's IAM policies must allow exactly the AWS actions its code calls: derived here from the code (every
// `XCommand` and `paginateX` imported from an AWS SDK client under lib/ and app/), so a new SDK call without its
// action fails this test instead of failing in someone's account with AccessDenied.
// Action names: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerserviceforkubernetes.html

const root = join(import.meta.dirname, '..', '..')
const servicePrefix: Record<string, string> = { eks: 'eks', iam: 'iam', sts: 'sts' }
// Actions a call needs besides its own: creating or updating a Pod Identity association passes the role to EKS
// (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-assign-target-role.html).
const impliedActions: Record<string, string[]> = {
  'eks:CreatePodIdentityAssociation': ['iam:PassRole'],
  'eks:UpdatePodIdentityAssociation': ['iam:PassRole'],
}
const READ = /^(eks|iam|sts):(Describe|List|Get)/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** `import { A, type B, CCommand, paginateD } from '@aws-sdk/client-eks'` → ['eks:C', 'eks:D'], with the file. */
function actionsCalled(files: string[]): Map<string, string> {
  const found = new Map<string, string>()
  for (const file of files) {
    const source = readFileSync(file, 'utf8')
    for (const m of source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*'@aws-sdk\/client-([\w-]+)'/g)) {
      const prefix = servicePrefix[m[2] as string]
      if (!prefix) throw new Error(`${relative(root, file)} imports @aws-sdk/client-${m[2]}: add its IAM prefix here`)
      for (const raw of (m[1] as string).split(',')) {
        const name = raw.trim()
        if (name.startsWith('type ')) continue
        const action = /^(\w+)Command$/.exec(name)?.[1] ?? /^paginate(\w+)$/.exec(name)?.[1]
        if (action) found.set(`${prefix}:${action}`, relative(root, file))
      }
    }
  }
  return found
}

type Policy = { Statement: { Effect: string; Action: string[] }[] }
const allowed = (file: string) => {
  const policy = JSON.parse(readFileSync(join(root, 'deploy', 'iam', file), 'utf8')) as Policy
  return new Set(policy.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => s.Action))
}

const called = actionsCalled([...sourceFiles(join(root, 'lib')), ...sourceFiles(join(root, 'app'))])
const needed = new Set([...called.keys()].flatMap((action) => [action, ...(impliedActions[action] ?? [])]))
const readOnly = allowed('console-read-only.json')
const readWrite = allowed('console-read-write.json')

describe('IAM policies match the AWS calls in the code', () => {
  it('finds the SDK calls (the scan itself works)', () => {
    expect(called.get('eks:DescribeCluster')).toBeDefined()
    expect(called.get('eks:ListClusters')).toBeDefined()
    expect(called.size).toBeGreaterThan(20)
  })

  it('read-write allows every action the code calls', () => {
    const missing = [...needed].filter((action) => !readWrite.has(action))
    expect(missing.map((a) => `${a} (${called.get(a) ?? 'implied'})`)).toEqual([])
  })

  it('read-only allows every read the code calls', () => {
    const missing = [...needed].filter((action) => READ.test(action) && !readOnly.has(action))
    expect(missing).toEqual([])
  })

  it('read-only allows no write', () => {
    expect([...readOnly].filter((action) => !READ.test(action))).toEqual([])
  })

  it('neither allows an action the code does not call (least privilege)', () => {
    expect([...readWrite].filter((action) => !needed.has(action))).toEqual([])
    expect([...readOnly].filter((action) => !needed.has(action))).toEqual([])
  })

  it('passes roles only to EKS Pod Identity', () => {
    const policy = JSON.parse(readFileSync(join(root, 'deploy/iam/console-read-write.json'), 'utf8')) as {
      Statement: { Action: string[]; Condition?: unknown }[]
    }
    const passRole = policy.Statement.find((s) => s.Action.includes('iam:PassRole'))
    expect(passRole?.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'pods.eks.amazonaws.com' } })
  })
})
