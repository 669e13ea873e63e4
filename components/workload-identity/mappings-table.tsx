import Link from 'next/link'

import { resourcePaths } from '@/components/resources/resource-links'
import { Badge } from '@/components/ui/badge'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import { principalDisplayName } from '@/lib/access/arn'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { Mapping } from '@/lib/workload-identity/workload-identity-schemas'

import { MechanismBadge, VerdictBadge } from './verdict-badge'

function firstProblem(m: Mapping): string | undefined {
  return (m.checks.find((c) => c.status === 'fail') ?? m.checks.find((c) => c.status === 'warn'))?.reason
}

/** One row per service account with an IAM role; the service account links to its page with checks and fixes. */
export function MappingsTable({ cluster, mappings }: { cluster: ClusterRef; mappings: Mapping[] }) {
  return (
    <Table caption="Service account to IAM role mappings">
      <thead>
        <tr>
          <Th>Service account</Th>
          <Th>Mechanism</Th>
          <Th>IAM role</Th>
          <Th>Settings</Th>
          <Th>Pods</Th>
          <Th>Health</Th>
        </tr>
      </thead>
      <tbody>
        {mappings.map((m) => {
          const stale = m.pods.filter((p) => p.startedBeforeAssociation).length
          const problem = firstProblem(m)
          return (
            <Tr key={`${m.namespace}/${m.serviceAccount}`}>
              <Td>
                <Link
                  href={resourcePaths.serviceAccount(cluster, m.namespace, m.serviceAccount)}
                  className="font-medium text-sky-700 hover:underline dark:text-sky-400"
                >
                  {m.serviceAccount}
                </Link>
                <div className="text-xs text-zinc-500 dark:text-zinc-400">namespace {m.namespace}</div>
              </Td>
              <Td>
                <MechanismBadge mechanism={m.mechanism} />
              </Td>
              <Td className="max-w-xs">
                <span className="font-medium" title={m.effectiveRoleArn}>
                  {principalDisplayName(m.effectiveRoleArn)}
                </span>
                {m.mechanism === 'both' && m.irsa ? (
                  <div
                    className="text-xs text-zinc-500 line-through dark:text-zinc-400"
                    title="Ignored: Pod Identity wins"
                  >
                    IRSA: {principalDisplayName(m.irsa.roleArn)}
                  </div>
                ) : null}
              </Td>
              <Td className="text-xs">
                <div className="flex flex-wrap gap-1">
                  {m.podIdentity?.targetRoleArn ? (
                    <Badge tone="violet">target {principalDisplayName(m.podIdentity.targetRoleArn)}</Badge>
                  ) : null}
                  {m.podIdentity?.disableSessionTags ? <Badge>session tags off</Badge> : null}
                  {m.irsa?.audience ? <Badge>aud {m.irsa.audience}</Badge> : null}
                  {m.irsa?.stsRegionalEndpoints ? <Badge>regional STS {m.irsa.stsRegionalEndpoints}</Badge> : null}
                  {m.irsa?.tokenExpiration ? <Badge>token {m.irsa.tokenExpiration}s</Badge> : null}
                </div>
              </Td>
              <Td className="text-sm whitespace-nowrap">
                {m.pods.length}
                {m.podsTruncated ? '+' : ''}
                {stale > 0 ? (
                  <div className="text-xs text-red-700 dark:text-red-400">{stale} need a restart</div>
                ) : null}
              </Td>
              <Td className="max-w-sm">
                <VerdictBadge status={m.verdict} />
                {problem ? (
                  <p className="mt-1 line-clamp-2 text-xs text-zinc-600 dark:text-zinc-400">{problem}</p>
                ) : null}
              </Td>
            </Tr>
          )
        })}
      </tbody>
    </Table>
  )
}
