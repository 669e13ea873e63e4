import 'server-only'

import type { ConsoleRole } from '@/lib/auth/console-role'

import { consoleRoleFromGroups, type GroupMapping } from './role-mapping'

/** The console user a session carries. */
export type ConsoleUser = { id: string; name: string; email: string | null; role: ConsoleRole }

/**
 * Reads a groups claim. IdPs differ: Okta and Keycloak send an array, some send one comma-separated string, Keycloak
 * roles live at a dotted path (`realm_access.roles`), and Entra sends group object IDs.
 */
export function readGroupsClaim(profile: Record<string, unknown>, claim: string): string[] {
  let value: unknown = profile[claim]
  if (value === undefined && claim.includes('.')) {
    value = claim
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], profile)
  }
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string')
  if (typeof value === 'string')
    return value
      .split(',')
      .map((group) => group.trim())
      .filter(Boolean)
  return []
}

/**
 * Maps an OIDC ID-token profile to a console user, or null when no configured group matches (sign-in is refused).
 */
export function consoleUserFromOidcProfile(
  profile: Record<string, unknown>,
  options: { groupsClaim: string; mapping: GroupMapping },
): ConsoleUser | null {
  const role = consoleRoleFromGroups(readGroupsClaim(profile, options.groupsClaim), options.mapping)
  const sub = typeof profile.sub === 'string' ? profile.sub : null
  if (!role || !sub) return null
  const email = typeof profile.email === 'string' ? profile.email : null
  const name =
    [profile.name, profile.preferred_username, email].find((v): v is string => typeof v === 'string' && v !== '') ?? sub
  return { id: sub, name, email, role }
}
