import Link from 'next/link'

import { Badge } from '@/components/ui/badge'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { BindingRow, SubjectRefDto } from '@/lib/rbac/rbac-dto'
import { rbacPaths, roleRefPath } from '@/lib/rbac/rbac-paths'

export const linkClass = 'text-sky-700 hover:underline dark:text-sky-400'

/** `Group devs` / `ServiceAccount ci/deployer`, linked to the subject's page. */
export function SubjectLink({ cluster, subject }: { cluster: ClusterRef; subject: SubjectRefDto }) {
  const label = subject.kind === 'ServiceAccount' ? `${subject.namespace ?? ''}/${subject.name}` : subject.name
  return (
    <span className="inline-flex items-center gap-1.5">
      <Badge>{subject.kind}</Badge>
      <Link
        prefetch={false}
        className={`${linkClass} font-mono text-xs`}
        href={rbacPaths.subject(cluster, subject.kind, subject.name, subject.namespace)}
      >
        {label}
      </Link>
    </span>
  )
}

/** The role a binding references, linked; a missing role is said plainly. */
export function RoleRefLink({ cluster, binding }: { cluster: ClusterRef; binding: BindingRow }) {
  const text = `${binding.roleRef.kind} ${binding.roleRef.name}`
  if (!binding.roleExists) {
    return (
      <span className="inline-flex items-center gap-1.5">
        <span className="font-mono text-xs">{text}</span>
        <Badge tone="red">missing: grants nothing</Badge>
      </span>
    )
  }
  return (
    <Link
      prefetch={false}
      className={`${linkClass} font-mono text-xs`}
      href={roleRefPath(cluster, binding.roleRef, binding.namespace)}
    >
      {text}
    </Link>
  )
}
