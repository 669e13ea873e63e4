import { describe, expect, it } from 'vitest'

import type { AccessPolicyDto } from '@/lib/access/access-entry-dto'

import { accessPoliciesPath, describeCategory, filterPolicies } from './policy-labels'

const policy = (name: string, category: string | null, summary: string | null = null): AccessPolicyDto => ({
  name,
  arn: `arn:aws:eks::aws:cluster-access-policy/${name}`,
  summary,
  category,
  typicalScope: null,
  documented: category !== null,
  managedByEks: false,
  rules: null,
})

const policies = [
  policy('AmazonEKSEditPolicy', 'user', 'Like the Kubernetes edit role'),
  policy('AmazonEKSAutoNodePolicy', 'auto-mode'),
  policy('AmazonEKSFuturePolicy', null),
]

describe('filterPolicies', () => {
  it.each([
    ['', '', ['AmazonEKSEditPolicy', 'AmazonEKSAutoNodePolicy', 'AmazonEKSFuturePolicy']],
    ['edit', '', ['AmazonEKSEditPolicy']],
    ['KUBERNETES EDIT', '', ['AmazonEKSEditPolicy']],
    ['', 'auto-mode', ['AmazonEKSAutoNodePolicy']],
    ['', 'unknown', ['AmazonEKSFuturePolicy']],
    ['edit', 'auto-mode', []],
  ])('q=%j category=%j', (query, category, names) => {
    expect(filterPolicies(policies, query, category).map((p) => p.name)).toEqual(names)
  })
})

describe('describeCategory / accessPoliciesPath', () => {
  it('names unknown policies and builds deep links', () => {
    expect(describeCategory({ category: null })).toEqual({ label: 'Unknown', tone: 'amber' })
    expect(describeCategory({ category: 'user' }).label).toBe('For people')
    expect(accessPoliciesPath('eu-west-1', 'AmazonEKSEditPolicy')).toBe(
      '/access-policies?region=eu-west-1&policy=AmazonEKSEditPolicy',
    )
  })
})
