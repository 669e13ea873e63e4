/**
 * Console roles decide what a person may do in the console (AWS and Kubernetes only ever see the console's own
 * principal). Viewer reads; editor changes access entries and workload identity (associations, IRSA annotations, IAM
 * roles and trust policies, the cluster's IAM OIDC provider: it grants nothing until a role's trust policy names it);
 * admin also switches authentication modes and confirms lockout-risky access changes. README's role table says the
 * same, and lib/roles/console-role-table.test.ts checks the routes against it.
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
