import { describe, expect, it, vi } from 'vitest'

import { toObjectMeta } from './rbac-mapping'

vi.mock('server-only', () => ({}))

describe('toObjectMeta', () => {
  it('prints the object as kubectl get -o yaml does: keys sorted, no managedFields', () => {
    const { yaml } = toObjectMeta({
      kind: 'ClusterRole',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: { name: 'edit', uid: 'u-1', managedFields: [{ manager: 'kube-apiserver' }], labels: { a: 'b' } },
      aggregationRule: {
        clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' } }],
      },
      rules: [],
    } as never)
    expect(yaml.split('\n').filter((line) => /^\S/.test(line))).toEqual([
      'aggregationRule:',
      'apiVersion: rbac.authorization.k8s.io/v1',
      'kind: ClusterRole',
      'metadata:',
      'rules: []',
    ])
    expect(yaml).toMatch(/metadata:\n {2}labels:\n {4}a: b\n {2}name: edit\n {2}uid: u-1\n/)
    expect(yaml).not.toContain('managedFields')
  })
})
