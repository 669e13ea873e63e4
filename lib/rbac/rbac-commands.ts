// The kubectl equivalent of each binding change the console makes, as argv (formatShellCommand quotes and wraps it,
// as every other CLI echo: lib/access/cli-commands.ts). Flags as `kubectl create rolebinding --help` documents them
// (https://kubernetes.io/docs/reference/kubectl/generated/kubectl_create/kubectl_create_rolebinding/).
import type { BindingKind, SubjectKind } from './rbac-binding-schema'

/** The parts of a binding a command needs; empty parts show as `<placeholder>` while the form is being filled. */
export type BindingCommandInput = {
  kind: BindingKind
  name: string
  namespace?: string
  roleKind: 'Role' | 'ClusterRole'
  roleName: string
  subjectKind: SubjectKind
  subjectName: string
  subjectNamespace?: string
}

const or = (value: string | undefined, placeholder: string) => (value?.trim() ? value.trim() : placeholder)

function subjectFlag(input: BindingCommandInput): string {
  const name = or(input.subjectName, '<name>')
  if (input.subjectKind === 'User') return `--user=${name}`
  if (input.subjectKind === 'Group') return `--group=${name}`
  // --serviceaccount takes namespace:name; a RoleBinding's subject defaults to the binding's namespace.
  return `--serviceaccount=${or(input.subjectNamespace || input.namespace, '<namespace>')}:${name}`
}

/** `kubectl create rolebinding NAME --role=…|--clusterrole=… --group=…|--user=…|--serviceaccount=ns:name -n NS`. */
export function buildCreateBindingArgs(input: BindingCommandInput): string[] {
  const name = or(input.name, '<name>')
  const role = `--${input.roleKind === 'Role' ? 'role' : 'clusterrole'}=${or(input.roleName, '<role>')}`
  if (input.kind === 'ClusterRoleBinding') {
    return ['kubectl', 'create', 'clusterrolebinding', name, role, subjectFlag(input)]
  }
  return ['kubectl', 'create', 'rolebinding', name, role, subjectFlag(input), '-n', or(input.namespace, '<namespace>')]
}

/** `kubectl delete rolebinding NAME -n NS` / `kubectl delete clusterrolebinding NAME`. */
export function buildDeleteBindingArgs(input: { kind: BindingKind; name: string; namespace?: string }): string[] {
  return input.kind === 'ClusterRoleBinding'
    ? ['kubectl', 'delete', 'clusterrolebinding', input.name]
    : ['kubectl', 'delete', 'rolebinding', input.name, '-n', input.namespace ?? '<namespace>']
}
