// Shapes shared by the sandbox's Kubernetes API server, its store, its authorizer and the AWS-side wiring.

/** A cluster as the sandbox names it: EKS cluster names are unique per region, not per account. */
export interface ClusterRef {
  region: string
  name: string
}

/** The authenticated identity, as a TokenReview / SelfSubjectReview reports it. */
export interface UserInfo {
  username: string
  uid?: string
  groups: string[]
  extra?: Record<string, string[]>
}

/** One RBAC rule; the same shape `lib/access/policy-catalogue.ts` uses for access-policy rules. */
export interface PolicyRule {
  apiGroups?: string[]
  resources?: string[]
  verbs: string[]
  resourceNames?: string[]
  nonResourceURLs?: string[]
}

/** An access-policy association as EKS stores it (docs/access-entries.md#operations, docs/access-policies.md#access-scope): policy ARN and where it applies. */
export interface AccessPolicyGrant {
  policyArn: string
  scope: { type: 'cluster' } | { type: 'namespace'; namespaces: string[] }
}

/** Any Kubernetes object; the store only relies on metadata. */
export interface KubeObject {
  apiVersion?: string
  kind?: string
  metadata: ObjectMeta
  [key: string]: unknown
}

export interface ObjectMeta {
  name: string
  namespace?: string
  uid?: string
  resourceVersion?: string
  creationTimestamp?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  [key: string]: unknown
}

/** The request attributes an authorizer decides on (kube-apiserver's authorizer.Attributes). */
export type RequestAttributes =
  | {
      kind: 'resource'
      verb: string
      apiGroup: string
      resource: string
      subresource?: string
      /** Empty or undefined = cluster-scoped or all namespaces. */
      namespace?: string
      name?: string
    }
  | { kind: 'nonResource'; verb: string; path: string }

/** Builds the store key `region/name` of a cluster. */
export function formatClusterKey(c: ClusterRef): string {
  return `${c.region}/${c.name}`
}
