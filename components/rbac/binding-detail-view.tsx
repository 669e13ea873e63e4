'use client'

import { useQuery } from '@tanstack/react-query'

import { formatTimestamp } from '@/components/resources/format'
import { DetailState, MetadataPanel, YamlPanel } from '@/components/resources/object-panels'
import { TimeLeft } from '@/components/time-bound/time-left'
import { useNow } from '@/components/time-bound/use-now'
import { Alert } from '@/components/ui/alert'
import { DescriptionList, Panel } from '@/components/ui/panel'
import { hasRole } from '@/lib/auth/console-role'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { whoamiQuery } from '@/lib/queries/cluster-queries'
import { bindingDetailQuery } from '@/lib/queries/rbac-queries'
import { timeBoundGrantsQuery } from '@/lib/queries/time-bound-queries'

import { DeleteBindingButton } from './delete-binding-button'
import { RoleRefLink, SubjectLink } from './rbac-links'
import { RulesTable } from './rules-table'

/** One RoleBinding or ClusterRoleBinding: roleRef (a missing role said plainly), subjects, the rules, YAML; delete. */
export function BindingDetailView({
  cluster,
  kind,
  name,
  namespace,
}: {
  cluster: ClusterRef
  kind: 'RoleBinding' | 'ClusterRoleBinding'
  name: string
  namespace?: string
}) {
  const { data, error, refetch } = useQuery(bindingDetailQuery(cluster, { kind, name, namespace }))
  const { data: whoami } = useQuery(whoamiQuery())
  const { data: timeBound } = useQuery(timeBoundGrantsQuery(cluster))
  const now = useNow(15_000)
  const what = `${kind} ${namespace ? `${namespace}/` : ''}${name}`
  if (!data) return <DetailState error={error} what={what} onRetry={() => void refetch()} />
  const { binding, meta } = data
  const grants = (timeBound?.grants ?? []).filter(
    (g) => g.addition.kind === 'role-binding' && g.addition.uid === meta.uid,
  )
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold break-all">
          {kind} {name}
        </h2>
        {hasRole(whoami?.role ?? 'viewer', 'editor') && meta.resourceVersion ? (
          <DeleteBindingButton
            cluster={cluster}
            binding={binding}
            version={{ resourceVersion: meta.resourceVersion, uid: meta.uid }}
          />
        ) : null}
      </div>
      {binding.roleExists ? null : (
        <Alert variant="warning" title={`${binding.roleRef.kind} ${binding.roleRef.name} does not exist`}>
          This binding grants nothing until a {binding.roleRef.kind} of that name is created
          {binding.roleRef.kind === 'Role' ? ` in namespace ${namespace}` : ''}. Creating one later grants its rules to
          these subjects at once.
        </Alert>
      )}
      <Panel title="Summary">
        <DescriptionList
          items={[
            { label: 'Role', value: <RoleRefLink cluster={cluster} binding={binding} /> },
            { label: 'Applies in', value: namespace ? `namespace ${namespace}` : 'the whole cluster' },
            { label: 'Created', value: meta.createdAt ? formatTimestamp(meta.createdAt) : '—' },
            { label: 'Time left', value: <TimeLeft grants={grants} now={now} /> },
          ]}
        />
      </Panel>
      <Panel title="Subjects">
        {binding.subjects.length ? (
          <ul className="space-y-1.5">
            {binding.subjects.map((s) => (
              <li key={`${s.kind}/${s.namespace}/${s.name}`}>
                <SubjectLink cluster={cluster} subject={s} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No subjects: the binding grants nothing.</p>
        )}
      </Panel>
      <Panel title="Rules it grants">
        <RulesTable cluster={cluster} caption={`Rules ${what} grants`} rules={data.rules} />
      </Panel>
      <MetadataPanel labels={meta.labels} annotations={meta.annotations} />
      <YamlPanel yaml={meta.yaml} name={name} />
    </div>
  )
}
