import { describe, expect, it } from 'vitest'

import {
  accessPolicyArn,
  accessPolicyCatalogue,
  accessPolicyNameFromArn,
  accessPolicyRules,
  findAccessPolicy,
} from './policy-catalogue'

// The 33 names of the 2026 ListAccessPolicies dump (docs/access-policies.md#the-list-grows) plus ClusterInsights.
const LISTED =
  `AIDevOpsAgentAccessPolicy AmazonAIOpsAssistantPolicy AmazonARCRegionSwitchScalingPolicy AmazonEKSACKPolicy
AmazonEKSAdminPolicy AmazonEKSAdminViewPolicy AmazonEKSArgoCDClusterPolicy AmazonEKSArgoCDPolicy AmazonEKSAutoNodePolicy
AmazonEKSBlockStorageClusterPolicy AmazonEKSBlockStoragePolicy AmazonEKSClusterAdminPolicy AmazonEKSComputeClusterPolicy
AmazonEKSComputePolicy AmazonEKSEditPolicy AmazonEKSEventPolicy AmazonEKSHybridPolicy AmazonEKSKROPolicy
AmazonEKSLoadBalancingClusterPolicy AmazonEKSLoadBalancingPolicy AmazonEKSNetworkingClusterPolicy AmazonEKSNetworkingPolicy
AmazonEKSPodIdentityPolicy AmazonEKSSecretAdminPolicy AmazonEKSSecretReaderPolicy AmazonEKSViewPolicy AmazonEMRJobPolicy
AmazonSagemakerHyperpodClusterPolicy AmazonSagemakerHyperpodControllerPolicy AmazonSagemakerHyperpodSpacePolicy
AmazonSagemakerHyperpodSpaceTemplatePolicy AmazonSagemakerHyperpodSystemNamespacePolicy
AmazonSagemakerHyperpodUserClusterPolicy`.split(/\s+/)

describe('accessPolicyCatalogue', () => {
  it('holds exactly the listed policies plus ClusterInsights, once each', () => {
    const names = accessPolicyCatalogue.map((p) => p.name)
    expect(LISTED).toHaveLength(33)
    expect(new Set(names).size).toBe(names.length)
    expect([...names].sort()).toEqual([...LISTED, 'AmazonEKSClusterInsightsPolicy'].sort())
  })

  it.each(accessPolicyCatalogue.map((p) => [p.name, p] as const))('%s is well-formed', (name, policy) => {
    expect(policy.arn).toBe(`arn:aws:eks::aws:cluster-access-policy/${name}`)
    expect(policy.summary).toMatch(/^[A-Z].{20,}\.$/)
    for (const rule of policy.rules ?? []) {
      expect(rule.verbs.length).toBeGreaterThan(0)
      // A rule is either a resource rule or a non-resource rule, never both (Kubernetes validation).
      expect(Boolean(rule.nonResourceURLs) !== Boolean(rule.resources)).toBe(true)
    }
  })

  it.each([
    ['AmazonEKSComputeClusterPolicy', 'auto-mode', true],
    ['AmazonEKSAutoNodePolicy', 'auto-mode', true],
    ['AmazonEKSClusterInsightsPolicy', 'eks-internal', true],
    ['AmazonEKSEventPolicy', 'eks-internal', true],
    ['AmazonEKSEditPolicy', 'user', false],
    ['AmazonEMRJobPolicy', 'service', false],
  ] as const)('%s is category %s, managedByEks %s', (name, category, managed) => {
    const policy = findAccessPolicy(name)
    expect(policy?.category).toBe(category)
    expect(policy?.managedByEks).toBe(managed)
  })
})

describe('ARN helpers', () => {
  it.each([
    ['arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', 'AmazonEKSViewPolicy'],
    ['arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', 'AmazonEKSViewPolicy'],
    ['arn:aws:eks::aws:cluster-access-policy/SomeFuturePolicy', 'SomeFuturePolicy'],
    ['arn:aws:iam::aws:policy/AmazonEKSClusterPolicy', undefined],
    ['arn:aws:eks:us-west-2:111122223333:cluster-access-policy/AmazonEKSViewPolicy', undefined],
    ['AmazonEKSViewPolicy', undefined],
    ['', undefined],
  ])('accessPolicyNameFromArn(%s) = %s', (arn, name) => {
    expect(accessPolicyNameFromArn(arn)).toBe(name)
  })

  it('round-trips names through accessPolicyArn', () => {
    for (const p of accessPolicyCatalogue) expect(accessPolicyNameFromArn(accessPolicyArn(p.name))).toBe(p.name)
    expect(accessPolicyArn('AmazonEKSViewPolicy', 'aws-cn')).toBe(
      'arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
    )
  })

  it.each([
    ['AmazonEKSEditPolicy', 'AmazonEKSEditPolicy'],
    ['amazonekseditpolicy', 'AmazonEKSEditPolicy'],
    ['arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy', 'AmazonEKSAdminPolicy'],
    ['arn:aws:eks::aws:cluster-access-policy/Unknown', undefined],
    ['NotAPolicy', undefined],
  ])('findAccessPolicy(%s) → %s', (input, name) => {
    expect(findAccessPolicy(input)?.name).toBe(name)
  })
})

describe('accessPolicyRules', () => {
  const rulesOf = (name: string) => accessPolicyRules(accessPolicyArn(name)) ?? []
  const grants = (name: string, group: string, resource: string, verb: string) =>
    rulesOf(name).some(
      (r) =>
        (r.apiGroups?.includes(group) || r.apiGroups?.includes('*')) &&
        (r.resources?.includes(resource) || r.resources?.includes('*')) &&
        (r.verbs.includes(verb) || r.verbs.includes('*')) &&
        !r.resourceNames,
    )

  it.each([
    // [policy, group, resource, verb, expected] — EKS's stated differences from the Kubernetes roles.
    ['AmazonEKSClusterAdminPolicy', 'rbac.authorization.k8s.io', 'clusterroles', 'escalate', true],
    ['AmazonEKSAdminPolicy', 'rbac.authorization.k8s.io', 'rolebindings', 'create', true],
    ['AmazonEKSAdminPolicy', 'authorization.k8s.io', 'localsubjectaccessreviews', 'create', true],
    ['AmazonEKSEditPolicy', 'rbac.authorization.k8s.io', 'rolebindings', 'create', false],
    ['AmazonEKSEditPolicy', 'authorization.k8s.io', 'localsubjectaccessreviews', 'create', false],
    ['AmazonEKSEditPolicy', '', 'secrets', 'get', true],
    ['AmazonEKSEditPolicy', '', 'secrets', 'create', true],
    ['AmazonEKSEditPolicy', '', 'serviceaccounts', 'impersonate', true],
    ['AmazonEKSEditPolicy', 'apps', 'deployments', 'delete', true],
    ['AmazonEKSEditPolicy', '', 'endpoints', 'create', false],
    ['AmazonEKSViewPolicy', '', 'secrets', 'get', false],
    ['AmazonEKSViewPolicy', '', 'pods', 'list', true],
    ['AmazonEKSViewPolicy', '', 'pods/log', 'get', true],
    ['AmazonEKSViewPolicy', '', 'namespaces', 'get', true],
    ['AmazonEKSViewPolicy', '', 'pods', 'delete', false],
    ['AmazonEKSAdminViewPolicy', '', 'secrets', 'get', true],
    ['AmazonEKSAdminViewPolicy', '', 'secrets', 'update', false],
    ['AmazonEKSHybridPolicy', '', 'nodes', 'list', true],
    ['AmazonEKSHybridPolicy', '', 'nodes', 'delete', false],
  ] as const)('%s on %s/%s %s → %s', (policy, group, resource, verb, expected) => {
    expect(grants(policy, group, resource, verb)).toBe(expected)
  })

  it('gives cluster-admin every non-resource URL', () => {
    expect(rulesOf('AmazonEKSClusterAdminPolicy')).toContainEqual({ nonResourceURLs: ['*'], verbs: ['*'] })
    expect(rulesOf('AmazonEKSAdminPolicy').some((r) => r.nonResourceURLs)).toBe(false)
  })

  it.each([
    ['arn:aws:eks::aws:cluster-access-policy/AmazonEMRJobPolicy'], // undocumented rules
    ['arn:aws:eks::aws:cluster-access-policy/NewPolicy2027'], // unknown policy
    ['arn:aws:eks::aws:cluster-access-policy/amazonekseditpolicy'], // wrong case: EKS would not know it
    ['AmazonEKSEditPolicy'], // a name, not an ARN
  ])('returns undefined for %s', (arn) => {
    expect(accessPolicyRules(arn)).toBeUndefined()
  })
})
