import 'server-only'

import type { ConsoleRole } from '@/lib/auth/console-role'

/** Which IdP groups grant which console role (CONSOLE_ADMIN_GROUPS, CONSOLE_EDITOR_GROUPS, CONSOLE_VIEWER_GROUPS). */
export type GroupMapping = Record<ConsoleRole, readonly string[]>

/**
 * The highest console role any of `groups` grants (admin > editor > viewer), or null when none matches and the person
 * must not get in. Group names compare exactly: IdPs treat them as case-sensitive identifiers.
 */
export function consoleRoleFromGroups(groups: readonly string[], mapping: GroupMapping): ConsoleRole | null {
  const member = new Set(groups)
  for (const role of ['admin', 'editor', 'viewer'] as const) {
    if (mapping[role].some((group) => member.has(group))) return role
  }
  return null
}
