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

/**
 * The search string that opens the access page with an EXISTING entry's policies dialog, prefilled with one
 * association when given (`?dialog=policies&principalArn=…[&policyArn=…&namespaces=a,b]`). The access page reads it
 * with {@link readPoliciesDialogPrefill}.
 */
export function buildPoliciesDialogSearch(input: {
  principalArn: string
  policyArn?: string
  accessScope?: { type: 'cluster' | 'namespace'; namespaces: readonly string[] }
}): string {
  const params = new URLSearchParams({ dialog: 'policies', principalArn: input.principalArn })
  if (input.policyArn) params.set('policyArn', input.policyArn)
  if (input.policyArn && input.accessScope?.type === 'namespace')
    params.set('namespaces', input.accessScope.namespaces.join(','))
  return `?${params.toString()}`
}

/** What the access page's URL asks for: open one entry's policies dialog, maybe prefilled. Undefined: nothing asked. */
export type PoliciesDialogPrefill = {
  principalArn: string
  policy?: { policyArn: string; accessScope: { type: 'cluster' | 'namespace'; namespaces: string[] } }
}

/** Reads {@link buildPoliciesDialogSearch}'s parameters; malformed values are left out, as for the grant form. */
export function readPoliciesDialogPrefill(
  params: Record<string, string | string[] | undefined>,
): PoliciesDialogPrefill | undefined {
  if (params.dialog !== 'policies') return undefined
  const prefill = readGrantPrefill(params)
  if (!prefill.principalArn) return undefined
  const policy = prefill.accessPolicies?.[0]
  if (!policy) return { principalArn: prefill.principalArn }
  const accessScope = { type: policy.accessScope.type, namespaces: policy.accessScope.namespaces ?? [] }
  return { principalArn: prefill.principalArn, policy: { policyArn: policy.policyArn, accessScope } }
}
