// The effective-access routes end to end: route handler → snapshot read as the console from the sandbox (EKS API and
// Kubernetes API) → resolver. "Why Forbidden?" is fed the message the sandbox's API server really sent when the
// principal tried the request with its own token.
import { ApiException } from '@kubernetes/client-node'
import { describe, expect, it, vi } from 'vitest'

import {
  forbiddenExplanationSchema,
  principalAnalysisSchema,
  whoCanAnswerSchema,
} from '@/lib/effective-access/effective-access-dto'
import { ROLE_ARNS } from '@/sandbox/core/seed-constants'
import { buildKubeClients } from '@/tests/support/kube-test-clients'

import { callRoute, getConsoleSession, roleArn, setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', async () => ({
  getConsoleSession: (await import('./console-access-harness')).getConsoleSession,
}))

const sandbox = setUpConsoleAccessSandbox({ role: 'viewer' })
const prod = { region: 'us-west-2', cluster: 'prod-web' }
const routes = {
  principal: () => import('@/app/api/clusters/[region]/[cluster]/effective-access/principal/route'),
  whoCan: () => import('@/app/api/clusters/[region]/[cluster]/effective-access/who-can/route'),
  whyForbidden: () => import('@/app/api/clusters/[region]/[cluster]/effective-access/why-forbidden/route'),
}
const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`

describe('GET …/effective-access/principal', () => {
  it('TeamADeveloper on prod-web: its entry, Edit scoped to team-a, the matrix with paths and risks', async () => {
    const { GET } = await routes.principal()
    const { status, body } = await callRoute(GET, prod, {
      query: q({ principalArn: roleArn('TeamADeveloper'), namespaces: 'team-a,team-b' }),
    })
    expect(status).toBe(200)
    principalAnalysisSchema.parse(body)
    expect(body.identity).toMatchObject({
      via: 'access-entry',
      username: expect.stringContaining('assumed-role/TeamADeveloper/'),
    })
    expect(body.policies).toEqual([
      expect.objectContaining({
        policyName: 'AmazonEKSEditPolicy',
        accessScope: { type: 'namespace', namespaces: ['team-a'] },
      }),
    ])
    const cell = (namespace: string | null, resource: string, verb: string) =>
      body.matrix.cells.find(
        (c: { namespace: string | null; resource: string; verb: string }) =>
          c.namespace === namespace && c.resource === resource && c.verb === verb,
      )
    const secrets = cell('team-a', 'secrets', 'get')
    expect(secrets.risk).toBe('read-secrets')
    expect(body.matrix.paths[secrets.pathIds[0]].text).toBe(
      'access entry → AmazonEKSEditPolicy scoped to team-a → namespace team-a, rule 1',
    )
    expect(cell('team-b', 'pods', 'delete')).toBeUndefined()
  })

  it('a role with no access anywhere in the cluster: no identity, no matrix', async () => {
    const { GET } = await routes.principal()
    const { status, body } = await callRoute(GET, prod, { query: q({ principalArn: roleArn('orders-s3-reader') }) })
    expect(status).toBe(200)
    expect(body.identity.via).toBeNull()
    expect(body.matrix).toBeNull()
  })

  it('refuses a malformed ARN with 422 on the field, and a viewer session is enough but needed', async () => {
    const { GET } = await routes.principal()
    const bad = await callRoute(GET, prod, { query: q({ principalArn: 'arn:aws:s3:::bucket' }) })
    expect(bad.status).toBe(422)
    expect(bad.body.error.issues[0].path).toEqual(['principalArn'])
    getConsoleSession.mockResolvedValue(null)
    expect((await callRoute(GET, prod, { query: q({ principalArn: roleArn('TeamADeveloper') }) })).status).toBe(401)
  })
})

describe('GET …/effective-access/who-can', () => {
  it('who can delete pods in team-b on prod-web: admins by policy, aws-auth system:masters, team-b-devs by RoleBinding', async () => {
    const { GET } = await routes.whoCan()
    const { status, body } = await callRoute(GET, prod, {
      query: q({ verb: 'delete', resource: 'pods', namespace: 'team-b' }),
    })
    expect(status).toBe(200)
    whoCanAnswerSchema.parse(body)
    const names = body.principals.map((p: { principalArn: string }) => p.principalArn.split('/').pop())
    expect(names).toEqual(expect.arrayContaining(['admin', 'PlatformAdmin', 'TeamBDeveloper']))
    expect(names).not.toContain('TeamADeveloper')
    const teamB = body.principals.find((p: { principalArn: string }) => p.principalArn === ROLE_ARNS.TeamBDeveloper)
    expect(teamB.paths[0].text).toBe(
      'group team-b-devs → RoleBinding team-b/team-b-devs-edit → ClusterRole edit, rule 13 (aggregated from system:aggregate-to-edit)',
    )
    expect(body.crossCheck).toBeNull()
    expect(body.subjects.map((s: { subject: { name: string } }) => s.subject.name)).toEqual(
      expect.arrayContaining(['system:masters', 'team-b-devs']),
    )
  })

  it('crossCheck=1: the cluster is asked for every principal (RBAC part) and agrees', async () => {
    const { GET } = await routes.whoCan()
    const { body } = await callRoute(GET, prod, {
      query: q({ verb: 'update', resource: 'configmaps', namespace: 'orders', crossCheck: '1' }),
    })
    whoCanAnswerSchema.parse(body)
    // Every principal prod-web lets in, {{SessionName}} rendered as `aws eks get-token` does; only the node role's
    // {{EC2PrivateDNSName}} cannot be rendered. TeamBDeveloper's session is bound by name in orders: both sides see it.
    expect(body.crossCheck.checked).toBeGreaterThanOrEqual(7)
    expect(body.crossCheck.disagreements).toEqual([])
  })
})

describe('GET …/effective-access/why-forbidden', () => {
  it('reads the Forbidden the cluster really sent TeamADeveloper in team-b, names the scope, and offers the fix', async () => {
    const kc = await sandbox().kubeConfigFor(
      { region: 'us-west-2', name: 'prod-web' },
      { roleArn: ROLE_ARNS.TeamADeveloper },
    )
    let message = ''
    try {
      await buildKubeClients(kc).core.deleteNamespacedPod({ namespace: 'team-b', name: 'any' })
    } catch (error) {
      if (!(error instanceof ApiException)) throw error
      expect(error.code).toBe(403)
      const status: unknown = typeof error.body === 'string' ? JSON.parse(error.body) : error.body
      message = `Error from server (Forbidden): ${(status as { message: string }).message}`
    }
    const { GET } = await routes.whyForbidden()
    const { status, body } = await callRoute(GET, prod, { query: q({ message }) })
    expect(status).toBe(200)
    forbiddenExplanationSchema.parse(body)
    expect(body.candidates[0]).toMatchObject({ principalArn: ROLE_ARNS.TeamADeveloper, sessionName: 'EKSGetTokenAuth' })
    expect(body.diagnosis).toMatchObject({
      code: 'scope-excludes-namespace',
      allowed: false,
      fix: {
        policyName: 'AmazonEKSEditPolicy',
        accessScope: { type: 'namespace', namespaces: ['team-a', 'team-b'] },
        createsEntry: false,
      },
    })
    // The RBAC part, asked of the cluster with a SubjectAccessReview: neither allows it.
    expect(body.crossCheck).toEqual({ resolver: false, cluster: false, agrees: true, note: null })
  })

  it('an allowed request through RBAC: the cluster agrees through a SubjectAccessReview', async () => {
    const { GET } = await routes.whyForbidden()
    const { body } = await callRoute(GET, prod, {
      query: q({
        principalArn: roleArn('TeamBDeveloper'),
        sessionName: 'EKSGetTokenAuth',
        verb: 'update',
        resource: 'configmaps',
        namespace: 'orders',
      }),
    })
    expect(body.diagnosis).toMatchObject({ code: 'allowed', allowed: true })
    expect(body.diagnosis.paths[0].text).toBe(
      'user team-b:EKSGetTokenAuth → RoleBinding orders/team-b-configmaps → Role orders/configmap-editor, rule 1',
    )
    expect(body.crossCheck).toEqual({ resolver: true, cluster: true, agrees: true, note: null })
  })

  it('a principal + request: BreakGlassAdmin has an entry that grants nothing', async () => {
    const { GET } = await routes.whyForbidden()
    const { body } = await callRoute(GET, prod, {
      query: q({ principalArn: roleArn('BreakGlassAdmin'), verb: 'list', resource: 'pods', namespace: 'orders' }),
    })
    expect(body.diagnosis.code).toBe('entry-grants-nothing')
  })

  it('refuses text that is not a Forbidden message with 422 on the field', async () => {
    const { GET } = await routes.whyForbidden()
    const { status, body } = await callRoute(GET, prod, {
      query: q({ message: 'error: You must be logged in to the server' }),
    })
    expect(status).toBe(422)
    expect(body.error.issues[0].path).toEqual(['message'])
  })
})
