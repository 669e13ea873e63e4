import { describe, expect, it } from 'vitest'

import { parseForbiddenMessage } from './forbidden-message'

describe('parseForbiddenMessage', () => {
  const cases: [string, string, ReturnType<typeof parseForbiddenMessage>][] = [
    [
      'kubectl get pods -n kube-system',
      'Error from server (Forbidden): pods is forbidden: User "arn:aws:sts::111122223333:assumed-role/Dev/s" cannot list resource "pods" in API group "" in the namespace "kube-system"',
      {
        username: 'arn:aws:sts::111122223333:assumed-role/Dev/s',
        attrs: { verb: 'list', apiGroup: '', resource: 'pods', namespace: 'kube-system' },
      },
    ],
    [
      'a named object and a subresource',
      'Error from server (Forbidden): pods "web-1" is forbidden: User "jane" cannot create resource "pods/exec" in API group "" in the namespace "team-a"',
      {
        username: 'jane',
        attrs: {
          verb: 'create',
          apiGroup: '',
          resource: 'pods',
          subresource: 'exec',
          name: 'web-1',
          namespace: 'team-a',
        },
      },
    ],
    [
      'cluster scope, a group',
      'clusterrolebindings.rbac.authorization.k8s.io is forbidden: User "jane" cannot list resource "clusterrolebindings" in API group "rbac.authorization.k8s.io" at the cluster scope',
      {
        username: 'jane',
        attrs: { verb: 'list', apiGroup: 'rbac.authorization.k8s.io', resource: 'clusterrolebindings' },
      },
    ],
    [
      'a non-resource path',
      'Error from server (Forbidden): forbidden: User "jane" cannot get path "/metrics"',
      { username: 'jane', attrs: { verb: 'get', apiGroup: '', resource: '', nonResourceURL: '/metrics' } },
    ],
    [
      'wrapped over lines, with a reason after it',
      'Error from server (Forbidden): deployments.apps "api" is forbidden:\n User "team-b:s" cannot patch resource "deployments" in API group "apps"\n in the namespace "prod": RBAC: denied',
      {
        username: 'team-b:s',
        attrs: { verb: 'patch', apiGroup: 'apps', resource: 'deployments', name: 'api', namespace: 'prod' },
      },
    ],
    ['not a Forbidden message', 'error: You must be logged in to the server (Unauthorized)', undefined],
  ]
  it.each(cases)('%s', (_name, text, expected) => {
    expect(parseForbiddenMessage(text)).toEqual(expected)
  })
})
