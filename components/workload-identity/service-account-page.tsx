'use client'

import { useQuery } from '@tanstack/react-query'
import Link from 'next/link'
import { useSearchParams } from 'next/navigation'

import { ReadOnlyNotice } from '@/components/layout/read-only-notice'
import { resourcePaths } from '@/components/resources/resource-links'
import { Badge } from '@/components/ui/badge'
import { CodeBlock } from '@/components/ui/code-block'
import { DescriptionList, Panel } from '@/components/ui/panel'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import { hasRole } from '@/lib/auth/console-role'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { clusterPagePath } from '@/lib/queries/api-paths'
import { whoamiQuery } from '@/lib/queries/cluster-queries'
import { serviceAccountDetailQuery } from '@/lib/queries/workload-identity-queries'

import { MappingPanel } from './mapping-panel'

const pairs = (record: Record<string, string>) =>
  Object.keys(record).length === 0 ? (
    <span className="text-zinc-600 dark:text-zinc-400">none</span>
  ) : (
    <ul className="space-y-1">
      {Object.entries(record).map(([k, v]) => (
        <li key={k} className="font-mono text-xs break-all">
          {k}={v}
        </li>
      ))}
    </ul>
  )

/** A service account: facts, IAM role mapping with verdict and fixes, the pods using it, and its YAML. */
export function ServiceAccountPage({
  cluster,
  namespace,
  name,
}: {
  cluster: ClusterRef
  namespace: string
  name: string
}) {
  const { data, error, isPending, refetch } = useQuery(serviceAccountDetailQuery(cluster, namespace, name))
  const { data: whoami } = useQuery(whoamiQuery())
  const canEdit = hasRole(whoami?.role ?? 'viewer', 'editor')
  const initialOpen = useSearchParams().get('edit') === 'irsa' ? 'irsa' : null
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href={clusterPagePath(cluster, 'workload-identity')} className="hover:underline">
            Workload identity
          </Link>{' '}
          / service account
        </p>
        <h2 className="text-lg font-semibold">
          {namespace}/{name}
        </h2>
      </div>
      {isPending ? (
        <div aria-busy="true" aria-label="Loading the service account" className="space-y-3">
          <Skeleton className="h-40 w-full" />
          <Skeleton className="h-64 w-full" />
        </div>
      ) : error ? (
        <QueryError error={error} what={`service account ${namespace}/${name}`} onRetry={() => void refetch()} />
      ) : (
        <>
          {/* `?edit=irsa` opens the IRSA form; a viewer who follows such a link is told why it does not open. */}
          {initialOpen && whoami && !canEdit ? (
            <ReadOnlyNotice
              what="Changing the IRSA role of a service account"
              required="editor"
              role={whoami.role}
              back={{
                href: resourcePaths.serviceAccount(cluster, namespace, name),
                label: 'Back to the service account',
              }}
            />
          ) : null}
          <MappingPanel cluster={cluster} detail={data} canEdit={canEdit} initialOpen={initialOpen} />
          <Panel title="Service account">
            {data.serviceAccount.exists ? (
              <DescriptionList
                items={[
                  { label: 'Created', value: data.serviceAccount.creationTimestamp ?? 'unknown' },
                  { label: 'UID', value: data.serviceAccount.uid ?? 'unknown' },
                  { label: 'Labels', value: pairs(data.serviceAccount.labels) },
                  { label: 'Annotations', value: pairs(data.serviceAccount.annotations) },
                ]}
              />
            ) : (
              <p className="text-sm">The cluster has no service account of this name; only the association exists.</p>
            )}
          </Panel>
          <Panel title="Pods using this service account" description={`${data.pods.length} pods`}>
            {data.pods.length === 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">No pod runs as this service account.</p>
            ) : (
              <Table caption="Pods using this service account">
                <thead>
                  <tr>
                    <Th>Pod</Th>
                    <Th>Phase</Th>
                    <Th>Started</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.pods.map((pod) => (
                    <Tr key={pod.name}>
                      <Td className="font-mono text-xs">
                        <Link
                          href={resourcePaths.pod(cluster, namespace, pod.name)}
                          className="text-sky-700 hover:underline dark:text-sky-400"
                        >
                          {pod.name}
                        </Link>
                      </Td>
                      <Td>{pod.phase}</Td>
                      <Td className="text-xs">
                        {pod.startTime ?? 'not started'}
                        {pod.startedBeforeAssociation ? (
                          <Badge tone="red" className="ml-2">
                            before the association: restart
                          </Badge>
                        ) : null}
                      </Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Panel>
          {data.serviceAccount.yaml ? <CodeBlock label="YAML" code={data.serviceAccount.yaml} /> : null}
        </>
      )}
    </div>
  )
}
