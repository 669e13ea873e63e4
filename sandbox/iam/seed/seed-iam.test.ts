import { describe, expect, it } from 'vitest'

import {
  buildOidcIssuerUrl,
  buildOidcProviderArn,
  CLUSTER_LEGACY_BATCH,
  ROLE_ARNS,
  ROLE_NAMES,
  SCALE_ROLE_COUNT,
  SEED_CLUSTERS,
  USER_ACCESS_KEYS,
} from '../../core/seed-constants'
import { evaluateTrustPolicy } from '../../sts/trust-policy'
import { findPrincipal } from '../state'
import { seedIam } from './seed-iam'

const iam = seedIam({ scale: 'default' })

function trustOf(name: string): {
  Statement: { Principal: Record<string, string>; Action: string | string[]; Condition?: unknown }[]
} {
  const role = iam.roles.find((r) => r.name === name)
  if (!role) throw new Error(`no role ${name}`)
  return JSON.parse(role.assumeRolePolicyDocument)
}

describe('seedIam', () => {
  it('seeds every named role at its ARN, with unique AROA IDs', () => {
    expect(iam.roles.map((r) => r.arn).sort()).toEqual(ROLE_NAMES.map((n) => ROLE_ARNS[n]).sort())
    const ids = iam.roles.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^AROA[A-Z0-9]{17}$/)
  })

  it('is deterministic', () => {
    expect(seedIam({ scale: 'default' })).toEqual(iam)
  })

  it('gives every user its documented key and an AIDA ID', () => {
    for (const [name, key] of Object.entries(USER_ACCESS_KEYS)) {
      const user = iam.users.find((u) => u.name === name)
      expect(user?.accessKeys[0]?.accessKeyId).toBe(key.accessKeyId)
      expect(key.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/)
      expect(key.secretAccessKey).toHaveLength(40)
      expect(user?.id).toMatch(/^AIDA[A-Z0-9]{17}$/)
    }
  })

  it('has OIDC providers for every cluster issuer except legacy-batch', () => {
    const expected = SEED_CLUSTERS.filter((c) => c.hasIamOidcProvider && !c.largeScaleOnly).map(buildOidcProviderArn)
    expect(iam.oidcProviders.map((o) => o.arn)).toEqual(expected)
    expect(iam.oidcProviders.map((o) => o.arn)).not.toContain(buildOidcProviderArn(CLUSTER_LEGACY_BATCH))
    for (const c of SEED_CLUSTERS.filter((x) => x.hasIamOidcProvider)) {
      expect(iam.oidcProviders.find((o) => o.arn === buildOidcProviderArn(c))?.url).toBe(buildOidcIssuerUrl(c).slice(8))
    }
  })

  it.each([
    ['eksClusterRole', 'Service', 'eks.amazonaws.com'],
    ['eksNodeRole', 'Service', 'ec2.amazonaws.com'],
    ['AmazonEKSFargatePodExecutionRole', 'Service', 'eks-fargate-pods.amazonaws.com'],
    ['orders-s3-reader', 'Service', 'pods.eks.amazonaws.com'],
    ['PlatformAdmin', 'AWS', 'arn:aws:iam::111122223333:root'],
    ['BreakGlassAdmin', 'AWS', 'arn:aws:iam::111122223333:role/PlatformAdmin'],
  ])('%s trusts %s %s', (role, kind, principal) => {
    expect(trustOf(role).Statement[0]?.Principal[kind]).toBe(principal)
  })

  it('orders-s3-reader has the Pod Identity actions; reports-writer lacks sts:TagSession', () => {
    expect(trustOf('orders-s3-reader').Statement[0]?.Action).toEqual(['sts:AssumeRole', 'sts:TagSession'])
    expect(trustOf('reports-writer').Statement[0]?.Action).toBe('sts:AssumeRole')
  })

  it('billing-irsa and legacy-irsa trust prod-web with different subjects', () => {
    const billing = JSON.stringify(trustOf('billing-irsa'))
    const legacy = JSON.stringify(trustOf('legacy-irsa'))
    expect(billing).toContain('system:serviceaccount:billing:billing-api')
    expect(legacy).toContain('system:serviceaccount:default:legacy-worker')
  })

  it('lets only PlatformAdmin sessions assume BreakGlassAdmin', () => {
    const doc = iam.roles.find((r) => r.name === 'BreakGlassAdmin')?.assumeRolePolicyDocument ?? ''
    const asAlice = { arn: 'arn:aws:iam::111122223333:user/alice', account: '111122223333' }
    const asPlatform = {
      ...asAlice,
      arn: 'arn:aws:sts::111122223333:assumed-role/PlatformAdmin/x',
      roleArn: ROLE_ARNS.PlatformAdmin,
    }
    expect(evaluateTrustPolicy(doc, { action: 'sts:AssumeRole', principal: asAlice, context: {} }).allowed).toBe(false)
    expect(evaluateTrustPolicy(doc, { action: 'sts:AssumeRole', principal: asPlatform, context: {} }).allowed).toBe(
      true,
    )
  })

  it('findPrincipal matches the exact ARN, path included', () => {
    expect(findPrincipal(iam, ROLE_ARNS.AWSReservedSSO_DevOps_0a1b2c3d4e5f6789)?.kind).toBe('role')
    expect(findPrincipal(iam, 'arn:aws:iam::111122223333:role/AWSReservedSSO_DevOps_0a1b2c3d4e5f6789')).toBeUndefined()
    expect(findPrincipal(iam, 'arn:aws:iam::111122223333:user/alice')).toMatchObject({ kind: 'user', name: 'alice' })
  })

  it('adds the scale roles at large scale, quickly', () => {
    const started = performance.now()
    const large = seedIam({ scale: 'large' })
    expect(performance.now() - started).toBeLessThan(2000)
    expect(large.roles.filter((r) => r.name.startsWith('scale-dev-'))).toHaveLength(SCALE_ROLE_COUNT)
    expect(large.roles.some((r) => r.name === 'scale-dev-1000')).toBe(true)
  })
})
