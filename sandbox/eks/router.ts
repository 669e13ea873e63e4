// Routes EKS restJson1 requests on the RAW path. The SDK percent-encodes each URI label as one whole segment
// (`arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fdev%2Fmy-role`), so the path is split on `/` first and each segment is
// decoded afterwards; splitting the decoded path would tear pathed ARNs apart (docs/eks-wire-protocols.md#uri-labels, docs/surprising-facts.md).

export type EksOperation =
  | 'ListClusters'
  | 'CreateCluster'
  | 'DescribeCluster'
  | 'DeleteCluster'
  | 'CreateNodegroup'
  | 'DeleteNodegroup'
  | 'CreateAddon'
  | 'DeleteAddon'
  | 'UpdateAddon'
  | 'UpdateClusterConfig'
  | 'ListUpdates'
  | 'DescribeUpdate'
  | 'ListNodegroups'
  | 'DescribeNodegroup'
  | 'ListFargateProfiles'
  | 'DescribeFargateProfile'
  | 'ListAddons'
  | 'DescribeAddon'
  | 'CreateAccessEntry'
  | 'ListAccessEntries'
  | 'DescribeAccessEntry'
  | 'UpdateAccessEntry'
  | 'DeleteAccessEntry'
  | 'AssociateAccessPolicy'
  | 'ListAssociatedAccessPolicies'
  | 'DisassociateAccessPolicy'
  | 'ListAccessPolicies'
  | 'CreatePodIdentityAssociation'
  | 'ListPodIdentityAssociations'
  | 'DescribePodIdentityAssociation'
  | 'UpdatePodIdentityAssociation'
  | 'DeletePodIdentityAssociation'
  | 'AssociateIdentityProviderConfig'
  | 'DescribeIdentityProviderConfig'
  | 'DisassociateIdentityProviderConfig'
  | 'ListIdentityProviderConfigs'
  | 'TagResource'
  | 'UntagResource'
  | 'ListTagsForResource'

interface Route {
  method: string
  /** Literal segments, or `{label}` for a URI label. */
  segments: string[]
  operation: EksOperation
}

function route(method: string, path: string, operation: EksOperation): Route {
  return { method, segments: path.split('/').filter(Boolean), operation }
}

// URIs from the EKS service model (docs/access-entries.md#operations, docs/authentication-modes.md, docs/oidc-identity-providers.md, docs/pod-identity.md).
const ROUTES: Route[] = [
  route('GET', '/clusters', 'ListClusters'),
  route('POST', '/clusters', 'CreateCluster'),
  route('GET', '/clusters/{name}', 'DescribeCluster'),
  route('DELETE', '/clusters/{name}', 'DeleteCluster'),
  route('POST', '/clusters/{name}/node-groups', 'CreateNodegroup'),
  route('DELETE', '/clusters/{name}/node-groups/{nodegroupName}', 'DeleteNodegroup'),
  route('POST', '/clusters/{name}/addons', 'CreateAddon'),
  route('DELETE', '/clusters/{name}/addons/{addonName}', 'DeleteAddon'),
  route('POST', '/clusters/{name}/addons/{addonName}/update', 'UpdateAddon'),
  route('POST', '/clusters/{name}/update-config', 'UpdateClusterConfig'),
  route('GET', '/clusters/{name}/updates', 'ListUpdates'),
  route('GET', '/clusters/{name}/updates/{updateId}', 'DescribeUpdate'),
  route('GET', '/clusters/{name}/node-groups', 'ListNodegroups'),
  route('GET', '/clusters/{name}/node-groups/{nodegroupName}', 'DescribeNodegroup'),
  route('GET', '/clusters/{name}/fargate-profiles', 'ListFargateProfiles'),
  route('GET', '/clusters/{name}/fargate-profiles/{fargateProfileName}', 'DescribeFargateProfile'),
  route('GET', '/clusters/{name}/addons', 'ListAddons'),
  route('GET', '/clusters/{name}/addons/{addonName}', 'DescribeAddon'),
  route('POST', '/clusters/{name}/access-entries', 'CreateAccessEntry'),
  route('GET', '/clusters/{name}/access-entries', 'ListAccessEntries'),
  route('GET', '/clusters/{name}/access-entries/{principalArn}', 'DescribeAccessEntry'),
  route('POST', '/clusters/{name}/access-entries/{principalArn}', 'UpdateAccessEntry'),
  route('DELETE', '/clusters/{name}/access-entries/{principalArn}', 'DeleteAccessEntry'),
  route('POST', '/clusters/{name}/access-entries/{principalArn}/access-policies', 'AssociateAccessPolicy'),
  route('GET', '/clusters/{name}/access-entries/{principalArn}/access-policies', 'ListAssociatedAccessPolicies'),
  route(
    'DELETE',
    '/clusters/{name}/access-entries/{principalArn}/access-policies/{policyArn}',
    'DisassociateAccessPolicy',
  ),
  route('GET', '/access-policies', 'ListAccessPolicies'),
  route('POST', '/clusters/{name}/pod-identity-associations', 'CreatePodIdentityAssociation'),
  route('GET', '/clusters/{name}/pod-identity-associations', 'ListPodIdentityAssociations'),
  route('GET', '/clusters/{name}/pod-identity-associations/{associationId}', 'DescribePodIdentityAssociation'),
  route('POST', '/clusters/{name}/pod-identity-associations/{associationId}', 'UpdatePodIdentityAssociation'),
  route('DELETE', '/clusters/{name}/pod-identity-associations/{associationId}', 'DeletePodIdentityAssociation'),
  route('POST', '/clusters/{name}/identity-provider-configs/associate', 'AssociateIdentityProviderConfig'),
  route('POST', '/clusters/{name}/identity-provider-configs/describe', 'DescribeIdentityProviderConfig'),
  route('POST', '/clusters/{name}/identity-provider-configs/disassociate', 'DisassociateIdentityProviderConfig'),
  route('GET', '/clusters/{name}/identity-provider-configs', 'ListIdentityProviderConfigs'),
  route('POST', '/tags/{resourceArn}', 'TagResource'),
  route('DELETE', '/tags/{resourceArn}', 'UntagResource'),
  route('GET', '/tags/{resourceArn}', 'ListTagsForResource'),
]

export interface MatchedRoute {
  operation: EksOperation
  /** Decoded URI labels by name (`name`, `principalArn`, `policyArn`, …). */
  labels: Record<string, string>
}

/** Splits a raw (still percent-encoded) path into decoded segments; undefined if a segment is not valid UTF-8 %-encoding. */
export function splitRawPath(rawPath: string): string[] | undefined {
  const pathOnly = rawPath.split('?')[0] ?? ''
  const raw = pathOnly.split('/').filter((s) => s !== '')
  try {
    return raw.map((s) => decodeURIComponent(s))
  } catch {
    return undefined
  }
}

function matchSegments(route: Route, segments: string[]): Record<string, string> | undefined {
  if (route.segments.length !== segments.length) return undefined
  const labels: Record<string, string> = {}
  for (let i = 0; i < segments.length; i++) {
    const pattern = route.segments[i] as string
    const actual = segments[i] as string
    if (pattern.startsWith('{')) labels[pattern.slice(1, -1)] = actual
    else if (pattern !== actual) return undefined
  }
  return labels
}

/** Finds the operation and its decoded labels for a request, or undefined if no EKS operation has this shape. */
export function matchEksRoute(method: string, rawPath: string): MatchedRoute | undefined {
  const segments = splitRawPath(rawPath)
  if (!segments) return undefined
  const upper = method.toUpperCase()
  for (const r of ROUTES) {
    if (r.method !== upper) continue
    const labels = matchSegments(r, segments)
    if (labels) return { operation: r.operation, labels }
  }
  return undefined
}

/** The EKS operation name for a request (e.g. 'ListClusters', 'CreateAccessEntry'), used for per-operation faults. */
export function eksOperationName(method: string, rawPath: string): string | undefined {
  return matchEksRoute(method, rawPath)?.operation
}
