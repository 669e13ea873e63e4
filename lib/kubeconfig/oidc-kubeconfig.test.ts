import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { serializeKubeconfig } from './build-kubeconfig'
import { buildOidcKubeconfig } from './oidc-kubeconfig'

const cluster = {
  name: 'ml-auto',
  arn: 'arn:aws:eks:us-west-2:111122223333:cluster/ml-auto',
  endpoint: 'https://127.0.0.1:4567/clusters/us-west-2/ml-auto',
  caData: 'Q0E=',
}
const provider = { name: 'example-sso', issuerUrl: 'https://127.0.0.1:4567/oidc/example', clientId: 'kubernetes' }

describe('buildOidcKubeconfig', () => {
  it('runs kubelogin with the issuer, client ID and scopes against the cluster DescribeCluster reports', () => {
    const doc = buildOidcKubeconfig(cluster, provider)
    expect(doc.users[0]?.user.exec).toEqual({
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      command: 'kubectl',
      args: [
        'oidc-login',
        'get-token',
        '--oidc-issuer-url=https://127.0.0.1:4567/oidc/example',
        '--oidc-client-id=kubernetes',
        '--oidc-extra-scope=email',
        '--oidc-extra-scope=profile',
        '--oidc-extra-scope=groups',
      ],
      interactiveMode: 'IfAvailable',
    })
    expect(doc.clusters[0]?.cluster).toEqual({ 'certificate-authority-data': 'Q0E=', server: cluster.endpoint })
    expect(doc.contexts[0]).toEqual({
      name: 'oidc-example-sso@ml-auto',
      context: { cluster: cluster.arn, user: 'oidc-example-sso' },
    })
    expect(doc['current-context']).toBe('oidc-example-sso@ml-auto')
  })

  it('takes other scopes, and serializes to YAML kubectl reads back unchanged', () => {
    const doc = buildOidcKubeconfig(cluster, provider, ['offline_access'])
    expect(doc.users[0]?.user.exec.args.slice(4)).toEqual(['--oidc-extra-scope=offline_access'])
    expect(parse(serializeKubeconfig(doc as never))).toEqual(doc)
  })
})
