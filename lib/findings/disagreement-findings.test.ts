// The pure half of the cross-check: which identity a review names for an RBAC subject, how a request reads, and the
// finding a disagreement becomes in either direction.
import { describe, expect, it } from 'vitest'

import type { RequestAttributes } from '@/lib/access/rules'
import { buildRbacIndex } from '@/lib/effective-access/rbac-index'
import type { RbacSubject } from '@/lib/effective-access/rbac-model'

import { buildDisagreementFindings, describeRequest, resolverAllows, toReviewIdentity } from './disagreement-findings'
import type { VerifiableFinding } from './finding-collector'
import { bindRules, CLUSTER } from './findings-test-model'

describe('toReviewIdentity', () => {
  it.each<[RbacSubject, { user: string; groups: string[] }]>([
    [
      { kind: 'User', name: 'jane' },
      { user: 'jane', groups: [] },
    ],
    [
      { kind: 'Group', name: 'devs' },
      { user: '', groups: ['devs'] },
    ],
    [
      { kind: 'ServiceAccount', name: 'ci', namespace: 'build' },
      { user: 'system:serviceaccount:build:ci', groups: [] },
    ],
  ])('%j → %j', (subject, identity) => {
    expect(toReviewIdentity(subject)).toEqual(identity)
  })
})

describe('describeRequest', () => {
  it.each<[RequestAttributes, string]>([
    [{ verb: 'list', apiGroup: '', resource: 'secrets' }, 'list secrets cluster-wide'],
    [
      { verb: 'create', apiGroup: '', resource: 'pods', subresource: 'exec', namespace: 'a' },
      'create pods/exec in namespace a',
    ],
    [
      { verb: 'update', apiGroup: '', resource: 'configmaps', name: 'aws-auth', namespace: 'kube-system' },
      'update configmaps "aws-auth" in namespace kube-system',
    ],
    [
      { verb: 'bind', apiGroup: 'rbac.authorization.k8s.io', resource: 'roles' },
      'bind roles.rbac.authorization.k8s.io cluster-wide',
    ],
    [{ verb: '*', apiGroup: '*', resource: '*' }, '* * (any API group) cluster-wide'],
  ])('%j → %s', (request, text) => {
    expect(describeRequest(request)).toBe(text)
  })
})

describe('resolverAllows', () => {
  const rbac = buildRbacIndex(
    bindRules([{ apiGroups: [''], resources: ['secrets'], verbs: ['list'] }], {
      namespace: 'build',
      subject: { kind: 'ServiceAccount', name: 'ci' },
    }),
  )
  it.each<[string, { user: string; groups: string[] }, string | undefined, boolean]>([
    [
      'the service account, in the binding’s namespace',
      { user: 'system:serviceaccount:build:ci', groups: [] },
      'build',
      true,
    ],
    ['the service account, elsewhere', { user: 'system:serviceaccount:build:ci', groups: [] }, 'other', false],
    ['another service account', { user: 'system:serviceaccount:other:ci', groups: [] }, 'build', false],
  ])('%s', (_label, identity, namespace, allowed) => {
    expect(resolverAllows(rbac, identity, { verb: 'list', apiGroup: '', resource: 'secrets', namespace })).toBe(allowed)
  })
})

describe('buildDisagreementFindings', () => {
  const item: VerifiableFinding = {
    finding: {
      id: 'x',
      ruleId: 'risky-exec-pods',
      severity: 'high',
      title: 't',
      message: 'm',
      cluster: CLUSTER,
      subject: 'User jane',
      paths: [],
      morePaths: 0,
      sources: [],
      fix: { label: 'Review', href: '/fix' },
    },
    verify: {
      subject: { kind: 'User', name: 'jane' },
      request: { verb: 'create', apiGroup: '', resource: 'pods', subresource: 'exec', namespace: 'a' },
      path: 'user jane → RoleBinding a/b → ClusterRole r, rule 1',
    },
  }

  it('leaves out the answers that agree', () => {
    expect(buildDisagreementFindings(CLUSTER, [{ item, resolver: true, cluster: true }])).toEqual([])
  })

  it('says which way they disagree: the cluster allows what the resolver found no path for', () => {
    const [finding] = buildDisagreementFindings(CLUSTER, [{ item, resolver: false, cluster: true }])
    expect(finding?.message).toMatch(
      /^Check risky-exec-pods \(create pods\/exec in namespace a\): the console's resolver finds no binding that allows it, but the cluster's SubjectAccessReview answered allowed\./,
    )
    expect(finding?.paths.map((p) => p.steps[0])).toEqual(['resolver: denied', 'cluster: allowed'])
    expect(finding?.paths[1]?.steps[1]).toBe('SubjectAccessReview for user "jane", create pods/exec in namespace a')
    expect(finding?.fix).toEqual({ label: 'Review', href: '/fix' })
  })
})
