import { ApiException } from '@kubernetes/client-node'
import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { toKubeConsoleError, describeKubeAction } = await import('./kube-errors')

const endpoint = 'https://ABC.gr7.us-west-2.eks.amazonaws.com'
const status = (code: number, reason: string, message: string, details?: object) =>
  new ApiException(
    code,
    'x',
    JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason, message, code, details }),
    {},
  )

describe('toKubeConsoleError', () => {
  it.each([
    {
      name: '401',
      error: status(401, 'Unauthorized', 'Unauthorized'),
      action: {},
      code: 'kubernetes_unauthorized',
      message: /^The cluster prod-web did not accept the console's credentials/,
    },
    {
      name: '403 with the call',
      error: status(403, 'Forbidden', 'pods is forbidden: User "alice" cannot list resource "pods"', { kind: 'pods' }),
      action: { verb: 'list', resource: 'pods', namespace: 'team-a' },
      code: 'kubernetes_forbidden',
      message:
        /^The console's role cannot list pods in namespace team-a on prod-web\. Kubernetes said: pods is forbidden/,
      detail: { verb: 'list', resource: 'pods', namespace: 'team-a', status: 403 },
    },
    {
      name: '403 naming a cluster-scoped object from the Status details',
      error: status(403, 'Forbidden', 'nope', {
        kind: 'clusterroles',
        group: 'rbac.authorization.k8s.io',
        name: 'admin',
      }),
      action: { verb: 'get' },
      code: 'kubernetes_forbidden',
      message: /cannot get clusterroles\.rbac\.authorization\.k8s\.io\/admin across the cluster/,
      detail: { resource: 'clusterroles', group: 'rbac.authorization.k8s.io', name: 'admin', namespace: null },
    },
    {
      name: '404',
      error: status(404, 'NotFound', 'pods "web-0" not found'),
      action: { verb: 'get', resource: 'pods', namespace: 'team-a', name: 'web-0' },
      code: 'not_found',
      message: /^pods "web-0" not found \(the cluster prod-web\)$/,
    },
    {
      name: '409',
      error: status(409, 'Conflict', 'the object has been modified; please apply your changes to the latest version'),
      action: { verb: 'update', resource: 'configmaps', namespace: 'kube-system', name: 'aws-auth' },
      code: 'conflict',
      message: /the object has been modified/,
    },
    {
      name: '403 from RBAC escalation prevention, in words with the missing permissions',
      error: status(
        403,
        'Forbidden',
        'rolebindings.rbac.authorization.k8s.io "grab" is forbidden: user "console" (groups=["system:authenticated"]) is ' +
          'attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["secrets"], Verbs:["get" "list"]}\n' +
          '{NonResourceURLs:["/metrics"], Verbs:["get"]}',
        { kind: 'rolebindings', group: 'rbac.authorization.k8s.io', name: 'grab' },
      ),
      action: { verb: 'create', resource: 'rolebindings', group: 'rbac.authorization.k8s.io', namespace: 'team-a' },
      code: 'kubernetes_forbidden',
      message:
        /^Kubernetes refused to create this binding: the console's own identity on prod-web does not hold every permission the role grants \(missing: get, list secrets; get \/metrics\), and nobody may grant permissions they do not hold/,
      detail: { reason: 'Forbidden', escalation: true },
    },
    {
      name: '409 from a failed delete precondition',
      error: status(
        409,
        'Conflict',
        'Operation cannot be fulfilled on rolebindings.rbac.authorization.k8s.io "devs": Precondition failed: ResourceVersion in precondition: 5, ResourceVersion in object meta: 7',
      ),
      action: {
        verb: 'delete',
        resource: 'rolebindings',
        group: 'rbac.authorization.k8s.io',
        namespace: 'team-a',
        name: 'devs',
      },
      code: 'conflict',
      message:
        /^rolebindings\.rbac\.authorization\.k8s\.io\/devs in namespace team-a changed since you loaded it, so nothing was deleted\. Reload/,
    },
    {
      name: '409 AlreadyExists',
      error: status(409, 'AlreadyExists', 'rolebindings.rbac.authorization.k8s.io "devs" already exists', {
        kind: 'rolebindings',
        name: 'devs',
      }),
      action: { verb: 'create', resource: 'rolebindings', group: 'rbac.authorization.k8s.io', namespace: 'team-a' },
      code: 'conflict',
      message:
        /^rolebindings\.rbac\.authorization\.k8s\.io\/devs already exists in namespace team-a on prod-web; choose another name/,
      detail: { reason: 'AlreadyExists' },
    },
    { name: '422', error: status(422, 'Invalid', 'bad name'), action: {}, code: 'bad_request', message: /bad name/ },
    {
      name: '429',
      error: status(429, 'TooManyRequests', 'slow'),
      action: {},
      code: 'throttled',
      message: /throttling/,
    },
    {
      name: '500',
      error: status(500, 'InternalError', 'boom'),
      action: {},
      code: 'upstream_unavailable',
      message: /500: boom/,
    },
    {
      name: 'a refused connection',
      error: Object.assign(new Error('request failed'), { name: 'FetchError', type: 'system', code: 'ECONNREFUSED' }),
      action: {},
      code: 'upstream_unreachable',
      message: new RegExp(`^Cannot reach the cluster's API server ${endpoint} \\[ECONNREFUSED\\]`),
      detail: { endpoint, code: 'ECONNREFUSED' },
    },
    {
      name: 'a stall past the idle timeout (kube-raw)',
      error: Object.assign(new Error('the API server did not answer'), { name: 'TimeoutError', timeoutMs: 15_000 }),
      action: { verb: 'list', resource: 'pods', namespace: 'team-a' },
      code: 'upstream_timeout',
      message: /^The cluster prod-web's Kubernetes API did not answer within 15 s \(list pods in namespace team-a\)/,
      detail: { endpoint, code: 'timeout' },
    },
    {
      name: 'a request aborted at the timeout (client-node)',
      error: Object.assign(new Error('The user aborted a request.'), { name: 'AbortError', type: 'aborted' }),
      action: {},
      code: 'upstream_timeout',
      message: /did not answer within 15 s\. Try again/,
    },
    {
      name: 'a certificate from another CA',
      error: Object.assign(new Error('self-signed'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }),
      action: {},
      code: 'upstream_error',
      message: /certificate authority .* does not vouch for/,
    },
    {
      name: 'a list body cut short',
      error: new SyntaxError('The list body ended early.'),
      action: {},
      code: 'upstream_error',
      message: /^The cluster prod-web's API server sent an answer the console could not read \(The list body ended/,
    },
  ])('maps $name', ({ error, action, code, message, detail }) => {
    const mapped = toKubeConsoleError(error, { cluster: 'prod-web', endpoint, ...action })
    expect(mapped.code).toBe(code)
    expect(mapped.message).toMatch(message)
    if (detail) expect(mapped.detail).toMatchObject(detail)
  })

  it('accepts a Status body already parsed to an object', () => {
    const error = new ApiException(403, 'x', { message: 'forbidden!', reason: 'Forbidden' }, {})
    expect(toKubeConsoleError(error, { cluster: 'c', endpoint, verb: 'list', resource: 'nodes' }).message).toContain(
      'cannot list nodes across the cluster on c. Kubernetes said: forbidden!',
    )
  })
})

describe('describeKubeAction', () => {
  it.each([
    [{ verb: 'list', resource: 'pods', namespace: 'a' }, 'list pods in namespace a'],
    [
      { verb: 'get', resource: 'configmaps', namespace: 'kube-system', name: 'aws-auth' },
      'get configmaps/aws-auth in namespace kube-system',
    ],
    [{ verb: 'list', resource: 'nodes' }, 'list nodes across the cluster'],
    [{}, 'access this resource'],
  ])('%o → %s', (action, text) => {
    expect(describeKubeAction(action)).toBe(text)
  })
})
