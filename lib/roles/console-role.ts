/**
 * Console roles decide what a person may do in the console (AWS and Kubernetes only ever see the console's own
 * principal). Viewer reads; editor changes access entries, associations and mappings; admin also switches
 * authentication modes, links identity providers and edits aws-auth.
 */
export const consoleRoles = ['viewer', 'editor', 'admin'] as const
export type ConsoleRole = (typeof consoleRoles)[number]

const rank: Record<ConsoleRole, number> = { viewer: 0, editor: 1, admin: 2 }

/** True when `role` is `required` or higher (viewer < editor < admin). */
export function hasRole(role: ConsoleRole, required: ConsoleRole): boolean {
  return rank[role] >= rank[required]
}

/** True for one of the three role names (a JWT from an older build might carry something else). */
export function isConsoleRole(value: unknown): value is ConsoleRole {
  return typeof value === 'string' && (consoleRoles as readonly string[]).includes(value)
}
