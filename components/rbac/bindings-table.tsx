import Link from 'next/link'

import { Table, Td, Th, Tr } from '@/components/ui/table'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { BindingRow } from '@/lib/rbac/rbac-dto'
import { bindingPath } from '@/lib/rbac/rbac-paths'

import { linkClass, SubjectLink } from './rbac-links'

/** The bindings that reference a role: kind, namespace, name and subjects. */
export function BindingsTable({
  cluster,
  caption,
  bindings,
}: {
  cluster: ClusterRef
  caption: string
  bindings: BindingRow[]
}) {
  if (bindings.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No binding references it: nobody holds these rules through it.
      </p>
    )
  }
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Binding</Th>
          <Th>Applies in</Th>
          <Th>Subjects</Th>
        </tr>
      </thead>
      <tbody>
        {bindings.map((b) => (
          <Tr key={`${b.kind}/${b.namespace}/${b.name}`}>
            <Td>
              <span className="text-xs text-zinc-500 dark:text-zinc-400">{b.kind} </span>
              <Link prefetch={false} className={`${linkClass} font-mono text-xs`} href={bindingPath(cluster, b)}>
                {b.name}
              </Link>
            </Td>
            <Td className="text-sm">{b.namespace ? `namespace ${b.namespace}` : 'the whole cluster'}</Td>
            <Td>
              <span className="flex flex-wrap gap-3">
                {b.subjects.map((s) => (
                  <SubjectLink key={`${s.kind}/${s.namespace}/${s.name}`} cluster={cluster} subject={s} />
                ))}
              </span>
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
