import { describe, expect, it } from 'vitest'

import { FaultInjector, FaultValidationError, parseFaultRule } from './faults'

describe('FaultInjector.planFaults', () => {
  it('fires a count rule for exactly the next N matching requests', () => {
    const f = new FaultInjector()
    f.replaceRules([{ service: 'iam', operation: 'ListRoles', kind: 'throttle', count: 2 }])
    const plans = [1, 2, 3].map(() => f.planFaults('iam', 'ListRoles').failure?.kind)
    expect(plans).toEqual(['throttle', 'throttle', undefined])
  })

  it.each([
    ['other service', 'sts', 'ListRoles'],
    ['other operation', 'iam', 'GetRole'],
  ] as const)('does not fire for an %s', (_name, service, op) => {
    const f = new FaultInjector()
    f.replaceRules([{ service: 'iam', operation: 'ListRoles', kind: 'error' }])
    expect(f.planFaults(service, op).failure).toBeUndefined()
  })

  it('fires a pathContains rule only for requests naming that resource', () => {
    const f = new FaultInjector()
    const arn = 'arn:aws:iam::111122223333:role/TeamADeveloper'
    f.replaceRules([
      parseFaultRule({ service: 'eks', operation: 'DescribeAccessEntry', pathContains: arn, kind: 'throttle' }),
    ])
    const plan = (path: string) => f.planFaults('eks', 'DescribeAccessEntry', path).failure?.kind
    expect(plan(`/clusters/prod-web/access-entries/${arn}`)).toBe('throttle')
    expect(plan('/clusters/prod-web/access-entries/arn:aws:iam::111122223333:role/TeamBDeveloper')).toBeUndefined()
    expect(() => parseFaultRule({ service: 'eks', kind: 'error', pathContains: '' })).toThrow(FaultValidationError)
  })

  it('combines latency with one failure, first failure rule wins', () => {
    const f = new FaultInjector()
    f.replaceRules([
      { service: '*', kind: 'latency', latencyMs: 30 },
      { service: 'eks', kind: 'error', status: 503 },
      { service: 'eks', kind: 'drop' },
    ])
    expect(f.planFaults('eks', 'ListClusters')).toEqual({ delayMs: 30, failure: { kind: 'error', status: 503 } })
  })

  it('targets the Kubernetes API only through `kube` (method and path), never through `*`', () => {
    const f = new FaultInjector()
    f.replaceRules([
      { service: '*', kind: 'error' },
      parseFaultRule({ service: 'kube', operation: 'GET', pathContains: 'prod-web/api/v1/pods', kind: 'throttle' }),
    ])
    expect(f.planFaults('kube', 'GET', '/clusters/us-west-2/prod-web/api/v1/pods').failure?.kind).toBe('throttle')
    expect(f.planFaults('kube', 'GET', '/clusters/us-west-2/prod-web/api/v1/nodes').failure).toBeUndefined()
    expect(f.planFaults('kube', 'POST', '/clusters/us-west-2/prod-web/api/v1/pods').failure).toBeUndefined()
  })

  it('uses the probability with the injected random source', () => {
    const rolls = [0.1, 0.9]
    const f = new FaultInjector(() => rolls.shift() ?? 1)
    f.replaceRules([{ service: 'sts', kind: 'drop', probability: 0.5 }])
    expect([f.planFaults('sts', 'AssumeRole').failure?.kind, f.planFaults('sts', 'AssumeRole').failure?.kind]).toEqual([
      'drop',
      undefined,
    ])
  })

  it('clears rules', () => {
    const f = new FaultInjector()
    f.addRule({ service: 'iam', kind: 'error' })
    f.clearRules()
    expect(f.planFaults('iam', 'GetUser').failure).toBeUndefined()
  })
})

describe('parseFaultRule', () => {
  it.each([
    [{ service: 's3', kind: 'error' }],
    [{ service: 'iam', kind: 'explode' }],
    [{ service: 'iam', kind: 'latency' }],
    [{ service: 'iam', kind: 'error', status: 502 }],
    [{ service: 'iam', kind: 'error', probability: 2 }],
    [{ service: 'iam', kind: 'error', count: -1 }],
    ['nope'],
  ])('rejects %j', (input) => {
    expect(() => parseFaultRule(input)).toThrow(FaultValidationError)
  })

  it('accepts a full rule', () => {
    expect(
      parseFaultRule({ service: 'eks', operation: 'ListAccessEntries', kind: 'throttle', count: 3 }),
    ).toMatchObject({
      service: 'eks',
      operation: 'ListAccessEntries',
      kind: 'throttle',
      count: 3,
    })
  })
})
