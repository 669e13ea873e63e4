// Metrics label requests by route TEMPLATE (`/api/clusters/[region]/[cluster]/pods`), never by path: a label per
// cluster, principal ARN or pod name would give Prometheus an unbounded number of series. Isomorphic, no server-only:
// a unit test checks this list against the route files under app/api.

/** Every API route the console serves, as its folder under app/ spells it. */
export const API_ROUTE_TEMPLATES = [
  '/api/access-policies',
  '/api/access-requests',
  '/api/audit',
  '/api/audit/facets',
  '/api/auth/[...nextauth]',
  '/api/break-glass',
  '/api/findings',
  '/api/clusters',
  '/api/clusters/[region]/[cluster]',
  '/api/clusters/[region]/[cluster]/access-entries',
  '/api/clusters/[region]/[cluster]/access-entries/[principal]',
  '/api/clusters/[region]/[cluster]/access-entries/[principal]/policies',
  '/api/clusters/[region]/[cluster]/access-entries/[principal]/policies/[policy]',
  '/api/clusters/[region]/[cluster]/access-entries/kubernetes',
  '/api/clusters/[region]/[cluster]/access-requests',
  '/api/clusters/[region]/[cluster]/access-requests/[requestId]',
  '/api/clusters/[region]/[cluster]/access-requests/[requestId]/decision',
  '/api/clusters/[region]/[cluster]/authentication-mode',
  '/api/clusters/[region]/[cluster]/authentication-mode/updates/[updateId]',
  '/api/clusters/[region]/[cluster]/aws-auth',
  '/api/clusters/[region]/[cluster]/aws-auth/migration',
  '/api/clusters/[region]/[cluster]/aws-auth/migration/comparison',
  '/api/clusters/[region]/[cluster]/aws-auth/preview',
  '/api/clusters/[region]/[cluster]/break-glass',
  '/api/clusters/[region]/[cluster]/console-identity',
  '/api/clusters/[region]/[cluster]/effective-access/principal',
  '/api/clusters/[region]/[cluster]/effective-access/who-can',
  '/api/clusters/[region]/[cluster]/effective-access/why-forbidden',
  '/api/clusters/[region]/[cluster]/events',
  '/api/clusters/[region]/[cluster]/findings',
  '/api/clusters/[region]/[cluster]/identity-provider-updates/[updateId]',
  '/api/clusters/[region]/[cluster]/identity-providers',
  '/api/clusters/[region]/[cluster]/identity-providers/[name]',
  '/api/clusters/[region]/[cluster]/kubeconfig',
  '/api/clusters/[region]/[cluster]/kubeconfig/oidc',
  '/api/clusters/[region]/[cluster]/namespaces',
  '/api/clusters/[region]/[cluster]/namespaces/[name]',
  '/api/clusters/[region]/[cluster]/nodes',
  '/api/clusters/[region]/[cluster]/nodes/[name]',
  '/api/clusters/[region]/[cluster]/oidc-provider',
  '/api/clusters/[region]/[cluster]/oidc-provider/client-ids',
  '/api/clusters/[region]/[cluster]/pod-identity-associations',
  '/api/clusters/[region]/[cluster]/pod-identity-associations/[associationId]',
  '/api/clusters/[region]/[cluster]/pods',
  '/api/clusters/[region]/[cluster]/pods/[namespace]/[name]',
  '/api/clusters/[region]/[cluster]/pods/counts',
  '/api/clusters/[region]/[cluster]/rbac',
  '/api/clusters/[region]/[cluster]/rbac/cluster-role-bindings',
  '/api/clusters/[region]/[cluster]/rbac/cluster-role-bindings/[name]',
  '/api/clusters/[region]/[cluster]/rbac/cluster-roles/[name]',
  '/api/clusters/[region]/[cluster]/rbac/role-bindings',
  '/api/clusters/[region]/[cluster]/rbac/role-bindings/[namespace]/[name]',
  '/api/clusters/[region]/[cluster]/rbac/roles/[namespace]/[name]',
  '/api/clusters/[region]/[cluster]/rbac/subjects/[kind]/[name]',
  '/api/clusters/[region]/[cluster]/service-accounts',
  '/api/clusters/[region]/[cluster]/service-accounts/[namespace]/[name]',
  '/api/clusters/[region]/[cluster]/time-bound-grants',
  '/api/clusters/[region]/[cluster]/time-bound-settings',
  '/api/clusters/[region]/[cluster]/workload-identity',
  '/api/clusters/[region]/[cluster]/workload-identity/trust-fix',
  '/api/health',
  '/api/health/ready',
  '/api/iam/principals',
  '/api/iam/roles',
  '/api/metrics',
  '/api/session/whoami',
  '/api/time-bound-grants/stuck',
] as const

type Matcher = { template: string; literals: number; pattern: RegExp }

// A literal segment beats a dynamic one (`pods/counts` is not the pod `counts`), as in Next's own routing.
const matchers: Matcher[] = API_ROUTE_TEMPLATES.map((template) => {
  const segments = template.split('/').slice(1)
  const source = segments
    .map((segment) => (segment.startsWith('[...') ? '.+' : segment.startsWith('[') ? '[^/]+' : segment))
    .join('/')
  return {
    template,
    literals: segments.filter((s) => !s.startsWith('[')).length,
    pattern: new RegExp(`^/${source}/?$`),
  }
}).sort((a, b) => b.literals - a.literals)

/** The route template a request path belongs to, or `other` (a 404 must not mint a new series either). */
export function routeLabel(pathname: string): string {
  return matchers.find((m) => m.pattern.test(pathname))?.template ?? 'other'
}
