// The grant form can open prefilled from its URL (`?principalArn=…&policyArn=…&namespaces=a,b`): the
// effective-access analyzer's "Why Forbidden?" links its fix there. The values are only a starting point: the form
// validates them like typed ones, so anything malformed is simply not prefilled.
import type { CreateAccessEntryRequest } from './access-entry-schema'
import { accessPolicyNameFromArn } from './policy-catalogue'

/** What the URL may prefill. */
export type GrantPrefill = Pick<CreateAccessEntryRequest, 'principalArn' | 'accessPolicies'>

const NAMESPACE = /^[a-z0-9*]([-a-z0-9*]*[a-z0-9*])?$/

/** Reads the prefill from the grant page's search params; unknown or malformed values are left out. */
export function readGrantPrefill(params: Record<string, string | string[] | undefined>): Partial<GrantPrefill> {
  const one = (key: string) => {
    const value = params[key]
    return typeof value === 'string' ? value.trim() : undefined
  }
  const principalArn = one('principalArn')
  const policyArn = one('policyArn')
  const namespaces = (one('namespaces') ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => NAMESPACE.test(n))
  const out: Partial<GrantPrefill> = {}
  if (principalArn && principalArn.length <= 2048 && principalArn.startsWith('arn:')) out.principalArn = principalArn
  if (policyArn && accessPolicyNameFromArn(policyArn))
    out.accessPolicies = [
      {
        policyArn,
        accessScope: namespaces.length ? { type: 'namespace', namespaces } : { type: 'cluster', namespaces: [] },
      },
    ]
  return out
}

/** The search string that opens the grant form with this principal and one policy association. */
export function buildGrantPrefillSearch(input: {
  principalArn: string
  policyArn: string
  accessScope: { type: 'cluster' | 'namespace'; namespaces: readonly string[] }
}): string {
  const params = new URLSearchParams({ principalArn: input.principalArn, policyArn: input.policyArn })
  if (input.accessScope.type === 'namespace') params.set('namespaces', input.accessScope.namespaces.join(','))
  return `?${params.toString()}`
}
