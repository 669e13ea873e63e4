import { describe, expect, it } from 'vitest'

import { parseKubePath, resolveVerb } from './request-path'

describe('parseKubePath', () => {
  it.each([
    ['/version', { kind: 'nonResource', path: '/version' }],
    ['/apis', { kind: 'nonResource', path: '/apis' }],
    ['/api/v1', { kind: 'nonResource', path: '/api/v1' }],
    ['/api/v1/pods', { kind: 'resource', group: '', version: 'v1', resource: 'pods' }],
    ['/api/v1/namespaces', { kind: 'resource', group: '', version: 'v1', resource: 'namespaces' }],
    [
      '/api/v1/namespaces/team-a',
      { kind: 'resource', group: '', version: 'v1', resource: 'namespaces', name: 'team-a' },
    ],
    [
      '/api/v1/namespaces/team-a/pods/web-1/log',
      {
        kind: 'resource',
        group: '',
        version: 'v1',
        resource: 'pods',
        namespace: 'team-a',
        name: 'web-1',
        subresource: 'log',
      },
    ],
    [
      '/apis/rbac.authorization.k8s.io/v1/clusterroles/eks%3Anode-bootstrapper',
      {
        kind: 'resource',
        group: 'rbac.authorization.k8s.io',
        version: 'v1',
        resource: 'clusterroles',
        name: 'eks:node-bootstrapper',
      },
    ],
  ])('%s', (path, expected) => {
    expect(parseKubePath(path)).toMatchObject(expected)
  })

  it.each([
    ['GET', true, false, 'get'],
    ['GET', false, false, 'list'],
    ['GET', false, true, 'watch'],
    ['POST', false, false, 'create'],
    ['PUT', true, false, 'update'],
    ['PATCH', true, false, 'patch'],
    ['DELETE', true, false, 'delete'],
    ['DELETE', false, false, 'deletecollection'],
  ])('%s name=%s watch=%s → %s', (method, hasName, watch, verb) => {
    expect(resolveVerb(method, hasName, watch)).toBe(verb)
  })
})
