import type { BindingKind } from './rbac-binding-schema'

/** `RoleBinding team-a/devs-view` / `ClusterRoleBinding ops`: how audit entries and time-bound grants name a binding. */
export function describeBindingTarget(target: { kind: BindingKind; name: string; namespace?: string | null }): string {
  return target.kind === 'RoleBinding'
    ? `RoleBinding ${target.namespace ?? ''}/${target.name}`
    : `ClusterRoleBinding ${target.name}`
}
