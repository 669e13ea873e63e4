// Properties of the kubeconfig options: any query gets an answer, never a throw; chosen options survive the trip
// through the download link's query string.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  anyJson,
  expectSafeParseNeverThrows,
  hostileText,
  nearValidBody,
  propertyRuns,
  validPrincipalArn,
} from '@/tests/support/reliability-arbitraries'

import { kubeconfigOptionsSchema, kubeconfigSearchParams } from './kubeconfig-options'

const valid = fc.record({
  roleArn: fc.oneof(
    fc.constant(''),
    validPrincipalArn.filter((p) => p.type === 'role' && p.partition === 'aws').map((p) => p.arn),
  ),
  profile: fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Za-z0-9_.+@-]{1,64}$/)),
  alias: fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Za-z0-9_.:/@+-]{1,253}$/)),
  userAlias: fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Za-z0-9_.:/@+-]{1,253}$/)),
})

describe('kubeconfig options', () => {
  it('every input gets an answer', () => {
    expectSafeParseNeverThrows(
      kubeconfigOptionsSchema,
      fc.oneof(
        nearValidBody({ roleArn: hostileText, profile: hostileText, alias: hostileText, userAlias: hostileText }),
        anyJson,
      ),
    )
  })

  it('valid options survive the query string', () => {
    fc.assert(
      fc.property(valid, (options) => {
        const query = new URLSearchParams(kubeconfigSearchParams(options).toString())
        const back = kubeconfigOptionsSchema.parse({
          roleArn: '',
          profile: '',
          alias: '',
          userAlias: '',
          ...Object.fromEntries(query),
        })
        expect(back).toEqual(options)
      }),
      propertyRuns,
    )
  })
})
