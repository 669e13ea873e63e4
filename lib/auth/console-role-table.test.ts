// The README's console-role table is the promise; the write routes' withRole() is what the server enforces. This test
// reads both and fails when they disagree, or when a write route appears that the table does not account for.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

import type { ConsoleRole } from './console-role'

const root = join(__dirname, '..', '..')
const apiDir = join(root, 'app', 'api')

/** Every write route, the role it needs, and the words of the README row that promise it. */
const writeRoutes: { route: string; method: string; role: ConsoleRole; promise: string }[] = [
  {
    route: 'clusters/[region]/[cluster]/access-entries/route.ts',
    method: 'POST',
    role: 'editor',
    promise: 'access entries',
  },
  {
    route: 'clusters/[region]/[cluster]/access-entries/[principal]/route.ts',
    method: 'PATCH',
    role: 'editor',
    promise: 'access entries',
  },
  {
    route: 'clusters/[region]/[cluster]/access-entries/[principal]/route.ts',
    method: 'DELETE',
    role: 'editor',
    promise: 'access entries',
  },
  {
    route: 'clusters/[region]/[cluster]/access-entries/[principal]/policies/route.ts',
    method: 'POST',
    role: 'editor',
    promise: 'access entries',
  },
  {
    route: 'clusters/[region]/[cluster]/access-entries/[principal]/policies/[policy]/route.ts',
    method: 'DELETE',
    role: 'editor',
    promise: 'access entries',
  },
  {
    route: 'clusters/[region]/[cluster]/pod-identity-associations/route.ts',
    method: 'POST',
    role: 'editor',
    promise: 'Pod Identity associations',
  },
  {
    route: 'clusters/[region]/[cluster]/pod-identity-associations/[associationId]/route.ts',
    method: 'PATCH',
    role: 'editor',
    promise: 'Pod Identity associations',
  },
  {
    route: 'clusters/[region]/[cluster]/pod-identity-associations/[associationId]/route.ts',
    method: 'DELETE',
    role: 'editor',
    promise: 'Pod Identity associations',
  },
  {
    route: 'clusters/[region]/[cluster]/service-accounts/route.ts',
    method: 'POST',
    role: 'editor',
    promise: 'service accounts',
  },
  {
    route: 'clusters/[region]/[cluster]/service-accounts/[namespace]/[name]/route.ts',
    method: 'PATCH',
    role: 'editor',
    promise: 'IRSA annotations',
  },
  {
    route: 'clusters/[region]/[cluster]/workload-identity/trust-fix/route.ts',
    method: 'POST',
    role: 'editor',
    promise: 'trust policies',
  },
  {
    route: 'clusters/[region]/[cluster]/rbac/role-bindings/route.ts',
    method: 'POST',
    role: 'editor',
    promise: 'RoleBindings and ClusterRoleBindings',
  },
  {
    route: 'clusters/[region]/[cluster]/rbac/role-bindings/[namespace]/[name]/route.ts',
    method: 'DELETE',
    role: 'editor',
    promise: 'RoleBindings and ClusterRoleBindings',
  },
  {
    route: 'clusters/[region]/[cluster]/rbac/cluster-role-bindings/route.ts',
    method: 'POST',
    role: 'editor',
    promise: 'RoleBindings and ClusterRoleBindings',
  },
  {
    route: 'clusters/[region]/[cluster]/rbac/cluster-role-bindings/[name]/route.ts',
    method: 'DELETE',
    role: 'editor',
    promise: 'RoleBindings and ClusterRoleBindings',
  },
  { route: 'iam/roles/route.ts', method: 'POST', role: 'editor', promise: 'IAM roles' },
  {
    route: 'clusters/[region]/[cluster]/oidc-provider/route.ts',
    method: 'POST',
    role: 'editor',
    promise: 'IAM OIDC provider',
  },
  {
    route: 'clusters/[region]/[cluster]/oidc-provider/client-ids/route.ts',
    method: 'POST',
    role: 'editor',
    promise: 'IAM OIDC provider',
  },
  {
    route: 'clusters/[region]/[cluster]/authentication-mode/route.ts',
    method: 'POST',
    role: 'admin',
    promise: 'authentication modes',
  },
  { route: 'clusters/[region]/[cluster]/aws-auth/route.ts', method: 'PUT', role: 'admin', promise: 'aws-auth' },
  {
    route: 'clusters/[region]/[cluster]/aws-auth/preview/route.ts',
    method: 'POST',
    role: 'admin',
    promise: 'aws-auth',
  },
  {
    route: 'clusters/[region]/[cluster]/aws-auth/migration/route.ts',
    method: 'POST',
    role: 'admin',
    promise: 'migrate aws-auth to access entries',
  },
  {
    route: 'clusters/[region]/[cluster]/identity-providers/route.ts',
    method: 'POST',
    role: 'admin',
    promise: 'OIDC identity providers',
  },
  {
    route: 'clusters/[region]/[cluster]/identity-providers/[name]/route.ts',
    method: 'DELETE',
    role: 'admin',
    promise: 'OIDC identity providers',
  },
  {
    route: 'clusters/[region]/[cluster]/time-bound-settings/route.ts',
    method: 'PUT',
    role: 'admin',
    promise: 'time-bound settings',
  },
  {
    route: 'clusters/[region]/[cluster]/break-glass/route.ts',
    method: 'POST',
    role: 'admin',
    promise: 'break-glass',
  },
  {
    route: 'clusters/[region]/[cluster]/access-requests/route.ts',
    method: 'POST',
    role: 'viewer',
    promise: 'request time-bound access',
  },
  {
    route: 'clusters/[region]/[cluster]/access-requests/[requestId]/decision/route.ts',
    method: 'POST',
    role: 'editor',
    promise: 'approve or deny access requests where an admin allowed it',
  },
]

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? routeFiles(join(dir, d.name)) : d.name === 'route.ts' ? [join(dir, d.name)] : [],
  )
}

/** `export const POST = withRole<Params>('editor', …` → { POST: 'editor' }. */
function rolesIn(source: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = withRole(?:<[^>]*>)?\('(\w+)'/g)) {
    found[m[1] as string] = m[2] as string
  }
  return found
}

/** The README's "may" column by role. */
function readmeRoleRows(): Record<string, string> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const rows: Record<string, string> = {}
  for (const m of readme.matchAll(/^\| `(viewer|editor|admin)` +\| (viewer|editor|admin) +\| (.+?) +\|$/gm)) {
    rows[m[2] as string] = m[3] as string
  }
  return rows
}

describe('console roles: README table and routes agree', () => {
  const rows = readmeRoleRows()

  it('the README has a row per role', () => {
    expect(Object.keys(rows).sort()).toEqual(['admin', 'editor', 'viewer'])
  })

  it.each(writeRoutes)('$method $route needs $role, and the $role row promises "$promise"', (w) => {
    const source = readFileSync(join(apiDir, w.route), 'utf8')
    expect(rolesIn(source)[w.method]).toBe(w.role)
    expect(rows[w.role]).toContain(w.promise)
  })

  it('every write route is in the table above (a new one must say who may use it)', () => {
    const listed = new Set(writeRoutes.map((w) => `${w.method} ${w.route}`))
    const actual = routeFiles(apiDir).flatMap((file) =>
      Object.keys(rolesIn(readFileSync(file, 'utf8')))
        .filter((method) => method !== 'GET')
        .map((method) => `${method} ${relative(apiDir, file)}`),
    )
    expect(actual.filter((r) => !listed.has(r))).toEqual([])
  })

  it('only admins are promised identity provider changes', () => {
    expect(rows.admin).toMatch(/associate and disassociate OIDC identity providers/)
    expect(`${rows.viewer} ${rows.editor}`).not.toMatch(/identity providers/)
  })
})
