// Server-rendered "Why Forbidden?" answer: the failing step, the fix's CLI, and the grant-form link with its prefill.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import type { ForbiddenExplanationDto } from '@/lib/effective-access/effective-access-dto'

import { WhyForbiddenResult } from './why-forbidden-result'

const ROLE = 'arn:aws:iam::111122223333:role/NewDev'
const answer: ForbiddenExplanationDto = {
  cluster: { region: 'us-west-2', name: 'prod-web', authenticationMode: 'API' },
  loadedAt: '2026-12-03T00:00:00.000Z',
  gaps: [],
  username: null,
  candidates: [],
  diagnosis: {
    request: { verb: 'list', apiGroup: '', resource: 'pods', namespace: 'team-a' },
    allowed: false,
    paths: [],
    code: 'no-identity',
    message: 'The principal cannot sign in to this cluster, so it cannot list pods in namespace team-a.',
    steps: [{ step: 'identity', ok: false, message: 'No access entry and no aws-auth mapping.' }],
    fix: {
      principalArn: ROLE,
      policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
      policyName: 'AmazonEKSViewPolicy',
      accessScope: { type: 'namespace', namespaces: ['team-a'] },
      createsEntry: true,
      message: 'Create an access entry and associate AmazonEKSViewPolicy on namespace team-a.',
    },
  },
  crossCheck: { resolver: false, cluster: true, agrees: false, note: null },
}

describe('WhyForbiddenResult', () => {
  it('names the failing step, shows both commands and links the prefilled grant form; a disagreement is shown', () => {
    const html = renderToStaticMarkup(
      createElement(WhyForbiddenResult, { cluster: { region: 'us-west-2', name: 'prod-web' }, answer }),
    )
    expect(html).toContain('Refused: the cluster does not know this principal')
    expect(html).toContain('aws eks create-access-entry')
    expect(html).toContain('type=namespace,namespaces=team-a')
    expect(html).toContain(
      'href="/clusters/us-west-2/prod-web/access/grant?principalArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FNewDev&amp;policyArn=',
    )
    expect(html).toContain('the cluster DISAGREES')
  })

  it('for an existing entry, links its policies dialog prefilled with the policy and scope', () => {
    const diagnosis = answer.diagnosis as NonNullable<ForbiddenExplanationDto['diagnosis']>
    const existing = { ...answer, diagnosis: { ...diagnosis, fix: { ...diagnosis.fix!, createsEntry: false } } }
    const html = renderToStaticMarkup(
      createElement(WhyForbiddenResult, { cluster: { region: 'us-west-2', name: 'prod-web' }, answer: existing }),
    )
    expect(html).toContain(
      'href="/clusters/us-west-2/prod-web/access?dialog=policies&amp;principalArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FNewDev&amp;policyArn=arn%3Aaws%3Aeks%3A%3Aaws%3Acluster-access-policy%2FAmazonEKSViewPolicy&amp;namespaces=team-a"',
    )
  })

  it('for a stale entry, gives the delete-and-recreate CLI, a link to the access page and the prefilled grant form', () => {
    const diagnosis = answer.diagnosis as NonNullable<ForbiddenExplanationDto['diagnosis']>
    const policyArn = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy'
    const stale = {
      ...answer,
      diagnosis: {
        ...diagnosis,
        code: 'entry-stale' as const,
        fix: {
          ...diagnosis.fix!,
          policyArn,
          policyName: 'AmazonEKSEditPolicy',
          recreate: {
            type: 'STANDARD',
            username: 'dev',
            kubernetesGroups: ['devs'],
            policies: [{ policyArn, accessScope: { type: 'namespace' as const, namespaces: ['team-a'] } }],
          },
        },
      },
    }
    const html = renderToStaticMarkup(
      createElement(WhyForbiddenResult, { cluster: { region: 'us-west-2', name: 'prod-web' }, answer: stale }),
    )
    expect(html).toContain('Refused: the access entry belongs to an earlier principal of that name')
    const del = html.indexOf('aws eks delete-access-entry')
    const create = html.indexOf('aws eks create-access-entry')
    expect(del).toBeGreaterThan(-1)
    expect(create).toBeGreaterThan(del)
    expect(html.slice(create)).toContain('--username dev')
    expect(html.slice(create)).toContain('--kubernetes-groups devs')
    expect(html).toContain('--policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy')
    expect(html).toContain('href="/clusters/us-west-2/prod-web/access"')
    expect(html).toContain('href="/clusters/us-west-2/prod-web/access/grant?principalArn=')
  })
})
