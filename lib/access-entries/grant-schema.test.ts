import { describe, expect, it } from 'vitest'

import { buildGrantAccessSchema, grantAccessSchema } from './grant-schema'

const role = 'arn:aws:iam::111122223333:role/dev/apps/my-role'
const policy = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`
const firstIssue = (input: unknown) => {
  const parsed = grantAccessSchema.safeParse(input)
  return parsed.success ? undefined : { path: parsed.error.issues[0]?.path, message: parsed.error.issues[0]?.message }
}

describe('grantAccessSchema', () => {
  it('accepts a role with a path, an empty username (EKS default) and a namespace-scoped wildcard policy', () => {
    const parsed = grantAccessSchema.parse({
      principalArn: role,
      username: '  ',
      accessPolicies: [
        {
          policyArn: policy('AmazonEKSEditPolicy'),
          accessScope: { type: 'namespace', namespaces: ['team-a', 'dev-*'] },
        },
      ],
    })
    expect(parsed).toMatchObject({ type: 'STANDARD', username: undefined, kubernetesGroups: [] })
  })

  it.each([
    {
      input: { principalArn: 'arn:aws:sts::111122223333:assumed-role/R/s' },
      path: ['principalArn'],
      message: /STS session/,
    },
    {
      input: { principalArn: 'arn:aws:iam::111122223333:group/devs' },
      path: ['principalArn'],
      message: /groups cannot/,
    },
    { input: { principalArn: role, username: 'system:me' }, path: ['username'], message: /system:/ },
    { input: { principalArn: role, username: 'john{{SessionName}}' }, path: ['username'], message: /colon/ },
    {
      input: { principalArn: role, kubernetesGroups: ['system:masters'] },
      path: ['kubernetesGroups', 0],
      message: /system:/,
    },
    {
      input: {
        principalArn: role,
        accessPolicies: [
          { policyArn: policy('AmazonEKSViewPolicy'), accessScope: { type: 'namespace', namespaces: ['Team_A'] } },
        ],
      },
      path: ['accessPolicies', 0, 'accessScope', 'namespaces', 0],
      message: /not a valid namespace/,
    },
    {
      input: {
        principalArn: role,
        accessPolicies: [
          { policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', accessScope: { type: 'cluster' } },
        ],
      },
      path: ['accessPolicies', 0, 'policyArn'],
      message: /IAM policy ARN/,
    },
    {
      input: {
        principalArn: role,
        type: 'EC2',
        accessPolicies: [{ policyArn: policy('AmazonEKSViewPolicy'), accessScope: { type: 'cluster' } }],
      },
      path: ['accessPolicies', 0, 'policyArn'],
      message: /only AmazonEKSAutoNodePolicy/,
    },
  ])('rejects $input with a message on $path', ({ input, path, message }) => {
    const issue = firstIssue(input)
    expect(issue?.path).toEqual(path)
    expect(issue?.message).toMatch(message)
  })

  it('accepts an EC2 entry with AmazonEKSAutoNodePolicy at cluster scope, and enforces the cluster account', () => {
    const input = {
      principalArn: role,
      type: 'EC2',
      accessPolicies: [{ policyArn: policy('AmazonEKSAutoNodePolicy'), accessScope: { type: 'cluster' } }],
    }
    expect(grantAccessSchema.safeParse(input).success).toBe(true)
    expect(buildGrantAccessSchema({ clusterAccountId: '444455556666' }).safeParse(input).success).toBe(false)
  })
})
