// The matrix renders on the server as React would send it first (no browser here: e2e covers the clicks): an allowed
// cell is a button that says whether it is risky, a refused one says "not allowed", and the risk legend names why.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { buildPermissionMatrix } from '@/lib/effective-access/matrix'
import { buildRbacIndex } from '@/lib/effective-access/rbac-index'

import { PermissionMatrix } from './permission-matrix'

const index = buildRbacIndex({
  clusterRoles: [
    {
      kind: 'ClusterRole',
      name: 'reader',
      labels: {},
      rules: [{ apiGroups: [''], resources: ['pods', 'secrets'], verbs: ['get'] }],
    },
  ],
  roles: [],
  roleBindings: [],
  clusterRoleBindings: [
    {
      kind: 'ClusterRoleBinding',
      name: 'readers',
      roleRef: { kind: 'ClusterRole', name: 'reader' },
      subjects: [{ kind: 'Group', name: 'devs' }],
    },
  ],
})

const namedIndex = buildRbacIndex({
  clusterRoles: [
    {
      kind: 'ClusterRole',
      name: 'metrics',
      labels: {},
      rules: [{ nonResourceURLs: ['/metrics', '/metrics/*'], verbs: ['get'] }],
    },
  ],
  roles: [
    {
      kind: 'Role',
      name: 'settings',
      namespace: 'team-a',
      labels: {},
      rules: [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['settings'], verbs: ['get'] }],
    },
  ],
  roleBindings: [
    {
      kind: 'RoleBinding',
      name: 'settings',
      namespace: 'team-a',
      roleRef: { kind: 'Role', name: 'settings' },
      subjects: [{ kind: 'Group', name: 'devs' }],
    },
  ],
  clusterRoleBindings: [
    {
      kind: 'ClusterRoleBinding',
      name: 'metrics',
      roleRef: { kind: 'ClusterRole', name: 'metrics' },
      subjects: [{ kind: 'Group', name: 'devs' }],
    },
  ],
})

describe('PermissionMatrix', () => {
  it('shows non-resource URLs in their own grid, cluster-wide, with the HTTP verbs', () => {
    const matrix = buildPermissionMatrix(namedIndex, { username: 'jane', groups: ['devs'], accessPolicies: [] }, [])
    const html = renderToStaticMarkup(
      createElement(PermissionMatrix, { matrix, namespacesShown: 0, namespacesTotal: 0 }),
    )
    expect(html).toContain('<caption class="sr-only">Non-resource URLs, cluster-wide</caption>')
    expect(html).toContain('aria-label="get /metrics/*: allowed. Show why."')
    expect(html).toContain('<span class="sr-only">post /metrics: not allowed</span>')
    expect(html).toContain('<span class="sr-only">get /healthz: not allowed</span>')
    // URLs are not resources: the resource grid does not list them.
    expect(html.split('/metrics/*</th>')).toHaveLength(2)
  })

  it('marks a grant limited by resourceNames as "only x", not as a full allow', async () => {
    const matrix = buildPermissionMatrix(namedIndex, { username: 'jane', groups: ['devs'], accessPolicies: [] }, [
      'team-a',
    ])
    const cell = matrix.cells.find((c) => c.namespace === 'team-a' && c.resource === 'configmaps' && c.verb === 'get')
    expect(cell?.names).toEqual(['settings'])
    const { MatrixGrid } = await import('./matrix-grid')
    const html = renderToStaticMarkup(
      createElement(MatrixGrid, {
        caption: 'in team-a',
        rowLabel: 'Resource',
        rows: [{ key: 'configmaps', namespaced: true, verbs: ['get', 'list'] }],
        cells: new Map([['configmaps get', cell!]]),
        selected: null,
        onSelect: () => undefined,
      }),
    )
    expect(html).toContain('aria-label="get configmaps: allowed only for settings. Show why."')
    expect(html).toContain('>only settings</button>')
    expect(html).toContain('<span class="sr-only">list configmaps: not allowed</span>')
  })

  it('renders allowed, risky and refused cells with their accessible names', () => {
    const matrix = buildPermissionMatrix(index, { username: 'jane', groups: ['devs'], accessPolicies: [] }, ['team-a'])
    const html = renderToStaticMarkup(
      createElement(PermissionMatrix, { matrix, namespacesShown: 1, namespacesTotal: 1 }),
    )
    expect(html).toContain('aria-label="get pods: allowed. Show why."')
    expect(html).toContain('aria-label="get secrets: allowed, risky (read-secrets). Show why."')
    expect(html).toContain('<span class="sr-only">delete pods: not allowed</span>')
    expect(html).toContain('Reads Secrets')
    expect(html).not.toContain('aria-label="delete pods: allowed')
  })

  it('keeps every verb column reachable: the resource column stays put while the verbs scroll, headers are compact', () => {
    const matrix = buildPermissionMatrix(index, { username: 'jane', groups: ['devs'], accessPolicies: [] }, ['team-a'])
    const html = renderToStaticMarkup(
      createElement(PermissionMatrix, { matrix, namespacesShown: 1, namespacesTotal: 1 }),
    )
    // The resource names are sticky on the left, opaque so scrolled cells pass under them.
    expect(html).toMatch(/<th scope="col" class="[^"]*sticky left-0[^"]*">Resource<\/th>/)
    expect(html).toMatch(/<th scope="row" class="[^"]*sticky left-0[^"]*bg-white[^"]*">pods<\/th>/)
    // Verb headers in lower case without letter spacing: ESCALATE was the widest thing in the row.
    const get = /<th scope="col" class="([^"]*)">get<\/th>/.exec(html)?.[1]?.split(' ') ?? []
    expect(get).toEqual(expect.arrayContaining(['normal-case', 'tracking-normal']))
    expect(get).not.toContain('uppercase')
  })
})
