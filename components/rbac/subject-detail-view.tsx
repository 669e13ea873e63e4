'use client'

import { useQuery } from '@tanstack/react-query'
import { Plus } from 'lucide-react'
import Link from 'next/link'

import { DetailState } from '@/components/resources/object-panels'
import { resourcePaths } from '@/components/resources/resource-links'
import { Badge } from '@/components/ui/badge'
import { buttonClasses } from '@/components/ui/button'
import { Panel } from '@/components/ui/panel'
import { hasRole } from '@/lib/auth/console-role'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { whoamiQuery } from '@/lib/queries/cluster-queries'
import { subjectDetailQuery } from '@/lib/queries/rbac-queries'
import type { SubjectKind } from '@/lib/rbac/rbac-binding-schema'
import { bindingPath, rbacPaths } from '@/lib/rbac/rbac-paths'

import { IamPrincipalsPanel } from './iam-principals-panel'
import { linkClass, RoleRefLink } from './rbac-links'
import { RulesTable } from './rules-table'

/** A User, Group or ServiceAccount: every binding naming it, where it applies and the rules it brings. */
export function SubjectDetailView({
  cluster,
  kind,
  name,
  namespace,
}: {
  cluster: ClusterRef
  kind: SubjectKind
  name: string
  namespace?: string
}) {
  const { data, error, refetch } = useQuery(subjectDetailQuery(cluster, { kind, name, namespace }))
  const { data: whoami } = useQuery(whoamiQuery())
  const label = kind === 'ServiceAccount' ? `${namespace}/${name}` : name
  if (!data) return <DetailState error={error} what={`${kind} ${label}`} onRetry={() => void refetch()} />
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="flex flex-wrap items-center gap-2 text-lg font-semibold break-all">
          <Badge>{kind}</Badge> {label}
        </h2>
        {hasRole(whoami?.role ?? 'viewer', 'editor') ? (
          <Link
            className={buttonClasses('secondary')}
            href={rbacPaths.newBinding(cluster, { subjectKind: kind, subjectName: name, namespace })}
          >
            <Plus aria-hidden="true" className="size-4" /> Bind a role to this{' '}
            {kind === 'ServiceAccount' ? 'service account' : kind.toLowerCase()}
          </Link>
        ) : null}
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        RBAC only: access policies of an access entry are not bindings and are not listed here; Effective access shows
        both.
      </p>
      {kind === 'ServiceAccount' && namespace ? (
        <p className="text-sm">
          <Link prefetch={false} className={linkClass} href={resourcePaths.serviceAccount(cluster, namespace, name)}>
            Its IAM role (Pod Identity or IRSA) under Workload identity
          </Link>
        </p>
      ) : null}
      <IamPrincipalsPanel cluster={cluster} kind={kind} name={name} />
      {data.bindings.length === 0 ? (
        <Panel title="Bindings">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            No RoleBinding or ClusterRoleBinding names this {kind}: RBAC grants it nothing.
          </p>
        </Panel>
      ) : (
        data.bindings.map(({ binding, scope, rules }) => (
          <Panel
            key={`${binding.kind}/${binding.namespace}/${binding.name}`}
            as="h2"
            title={`${binding.kind} ${binding.namespace ? `${binding.namespace}/` : ''}${binding.name}`}
            description={
              <>
                <RoleRefLink cluster={cluster} binding={binding} />{' '}
                {scope ? `in namespace ${scope}` : 'across the whole cluster'}
              </>
            }
            actions={
              <Link prefetch={false} className={`${linkClass} text-sm`} href={bindingPath(cluster, binding)}>
                Open binding
              </Link>
            }
          >
            <RulesTable cluster={cluster} caption={`Rules ${binding.name} brings`} rules={rules} />
          </Panel>
        ))
      )}
    </div>
  )
}
