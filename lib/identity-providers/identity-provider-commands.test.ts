import { describe, expect, it } from 'vitest'

import {
  buildAssociateIdentityProviderArgs,
  buildDisassociateIdentityProviderArgs,
  buildGroupRoleBindingArgs,
} from './identity-provider-commands'

const cluster = { region: 'us-west-2', name: 'prod-web' }
const input = {
  name: 'corp',
  issuerUrl: 'https://idp.example.com',
  clientId: 'kubernetes',
  usernameClaim: 'email',
  usernamePrefix: '',
  groupsClaim: 'groups',
  groupsPrefix: 'corp:',
  requiredClaims: [{ key: 'hd', value: 'example.com' }],
  tags: [{ key: 'team', value: 'platform' }],
}

describe('identity provider commands', () => {
  it('associate: --oidc as JSON with only the fields set, and tags', () => {
    const argv = buildAssociateIdentityProviderArgs(cluster, input)
    expect(argv.slice(0, 7)).toEqual([
      'aws',
      'eks',
      'associate-identity-provider-config',
      '--region',
      'us-west-2',
      '--cluster-name',
      'prod-web',
    ])
    expect(JSON.parse(argv[8] ?? '')).toEqual({
      identityProviderConfigName: 'corp',
      issuerUrl: 'https://idp.example.com',
      clientId: 'kubernetes',
      usernameClaim: 'email',
      groupsClaim: 'groups',
      groupsPrefix: 'corp:',
      requiredClaims: { hd: 'example.com' },
    })
    expect(argv.slice(9)).toEqual(['--tags', '{"team":"platform"}'])
  })

  it('disassociate names the config as type=oidc,name=…', () => {
    expect(buildDisassociateIdentityProviderArgs(cluster, 'corp').slice(-2)).toEqual([
      '--identity-provider-config',
      'type=oidc,name=corp',
    ])
  })

  it.each([
    ['corp:', 'team-a-devs', '--group=corp:team-a-devs', 'corp-team-a-devs-view'],
    [null, 'team-a-devs', '--group=team-a-devs', 'team-a-devs-view'],
  ])('rolebinding for prefix %s binds the prefixed group', (groupsPrefix, group, flag, name) => {
    const argv = buildGroupRoleBindingArgs({ groupsPrefix, group, namespace: 'team-a', clusterRole: 'view' })
    expect(argv).toEqual(['kubectl', 'create', 'rolebinding', name, '--clusterrole=view', flag, '--namespace=team-a'])
  })
})
