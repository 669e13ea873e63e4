import { describe, expect, it } from 'vitest'

import { parseAwsAuth } from '@/lib/aws-auth/aws-auth-parse'

import { buildAuthIndex, type EntryFacts } from './identity'
import { buildRbacIndex } from './rbac-index'
import { whoCan } from './who-can'

const A = 'arn:aws:iam::111122223333'
const entry = (name: string, more: Partial<EntryFacts> = {}): EntryFacts => ({
  principalArn: `${A}:role/${name}`,
  type: 'STANDARD',
  username: null,
  kubernetesGroups: [],
  policies: [],
  createdAt: null,
  ...more,
})
const rbac = buildRbacIndex({
  clusterRoles: [
    {
      kind: 'ClusterRole',
      name: 'deleter',
      labels: {},
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['delete'] }],
    },
  ],
  roles: [],
  clusterRoleBindings: [],
  roleBindings: [
    {
      kind: 'RoleBinding',
      name: 'prod-deleters',
      namespace: 'prod',
      roleRef: { kind: 'ClusterRole', name: 'deleter' },
      subjects: [
        { kind: 'Group', name: 'oncall' },
        { kind: 'ServiceAccount', name: 'janitor' },
      ],
    },
  ],
})
const auth = buildAuthIndex({
  authenticationMode: 'API_AND_CONFIG_MAP',
  accessEntries: [
    entry('Admin', {
      policies: [
        {
          policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
          accessScope: { type: 'cluster', namespaces: [] },
        },
      ],
    }),
    entry('Oncall', { kubernetesGroups: ['oncall'] }),
    entry('Viewer', {
      policies: [
        {
          policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
          accessScope: { type: 'cluster', namespaces: [] },
        },
      ],
    }),
    // Its entry wins: the aws-auth row's system:masters never applies.
    entry('Shadowed'),
  ],
  awsAuth: parseAwsAuth({
    mapRoles: [
      `- rolearn: ${A}:role/Shadowed`,
      '  groups: [system:masters]',
      `- rolearn: ${A}:role/Legacy`,
      '  username: legacy',
      '  groups: [system:masters]',
    ].join('\n'),
  }),
})

describe('whoCan', () => {
  it('names every principal and subject that may delete pods in prod, with paths', () => {
    const answer = whoCan(rbac, auth, { verb: 'delete', apiGroup: '', resource: 'pods', namespace: 'prod' })
    expect(answer.principals.map((p) => [p.principalArn.split('/')[1], p.via, p.paths[0]?.kind])).toEqual([
      ['Admin', 'access-entry', 'access-policy'],
      ['Oncall', 'access-entry', 'rbac'],
      ['Legacy', 'aws-auth', 'superuser'],
    ])
    expect(answer.subjects.map((s) => `${s.subject.kind} ${s.subject.namespace ?? ''}/${s.subject.name}`)).toEqual([
      'Group /system:masters',
      'Group /oncall',
      'ServiceAccount prod/janitor',
    ])
  })

  it('RoleBindings of another namespace do not count, nor for cluster-wide requests', () => {
    expect(
      whoCan(rbac, auth, { verb: 'delete', apiGroup: '', resource: 'pods', namespace: 'dev' }).subjects,
    ).toHaveLength(1)
    const all = whoCan(rbac, auth, { verb: 'delete', apiGroup: '', resource: 'pods' })
    expect(all.principals.map((p) => p.principalArn.split('/')[1])).toEqual(['Admin', 'Legacy'])
  })
})
