import { describe, expect, it } from 'vitest'

import {
  buildGrantPrefillSearch,
  buildPoliciesDialogSearch,
  readGrantPrefill,
  readPoliciesDialogPrefill,
} from './grant-prefill'

const ROLE = 'arn:aws:iam::111122223333:role/TeamADeveloper'
const EDIT = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy'

describe('grant form prefill', () => {
  it('round-trips a namespace-scoped association', () => {
    const search = buildGrantPrefillSearch({
      principalArn: ROLE,
      policyArn: EDIT,
      accessScope: { type: 'namespace', namespaces: ['team-a', 'dev-*'] },
    })
    const params = Object.fromEntries(new URLSearchParams(search))
    expect(readGrantPrefill(params)).toEqual({
      principalArn: ROLE,
      accessPolicies: [{ policyArn: EDIT, accessScope: { type: 'namespace', namespaces: ['team-a', 'dev-*'] } }],
    })
  })

  it('a cluster scope has no namespaces; malformed values are not prefilled', () => {
    expect(readGrantPrefill({ principalArn: ROLE, policyArn: EDIT }).accessPolicies).toEqual([
      { policyArn: EDIT, accessScope: { type: 'cluster', namespaces: [] } },
    ])
    expect(
      readGrantPrefill({
        principalArn: 'not-an-arn',
        policyArn: 'arn:aws:iam::aws:policy/Admin',
        namespaces: 'Team_B',
      }),
    ).toEqual({})
    expect(readGrantPrefill({ principalArn: [ROLE, ROLE] })).toEqual({})
  })
})

describe('policies dialog prefill', () => {
  const read = (search: string) => readPoliciesDialogPrefill(Object.fromEntries(new URLSearchParams(search)))

  it('round-trips an entry with one association, and an entry alone', () => {
    const scope = { type: 'namespace' as const, namespaces: ['team-a'] }
    expect(read(buildPoliciesDialogSearch({ principalArn: ROLE, policyArn: EDIT, accessScope: scope }))).toEqual({
      principalArn: ROLE,
      policy: { policyArn: EDIT, accessScope: scope },
    })
    expect(
      read(
        buildPoliciesDialogSearch({
          principalArn: ROLE,
          policyArn: EDIT,
          accessScope: { type: 'cluster', namespaces: [] },
        }),
      ),
    ).toEqual({
      principalArn: ROLE,
      policy: { policyArn: EDIT, accessScope: { type: 'cluster', namespaces: [] } },
    })
    expect(read(buildPoliciesDialogSearch({ principalArn: ROLE }))).toEqual({ principalArn: ROLE })
  })

  it('asks for nothing without dialog=policies or a valid principal', () => {
    expect(read(`?principalArn=${encodeURIComponent(ROLE)}`)).toBeUndefined()
    expect(read('?dialog=policies&principalArn=nope')).toBeUndefined()
  })
})
