'use client'

import { useQuery } from '@tanstack/react-query'
import Link from 'next/link'

import { writeQuestion } from '@/components/effective-access/effective-access-url'
import { Panel } from '@/components/ui/panel'
import { canonicalizeAssumedRole, parseArn, principalDisplayName } from '@/lib/access/arn'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { accessEntriesQuery } from '@/lib/queries/access-entry-queries'
import { clusterPagePath } from '@/lib/queries/api-paths'

import { linkClass } from './rbac-links'

const effectiveAccessPath = (c: ClusterRef, principalArn: string) =>
  `${clusterPagePath(c, 'effective-access')}${writeQuestion('principal', { principalArn })}`

/** An IAM role or user ARN a Kubernetes username names (an access entry's default username is the principal's ARN). */
function iamPrincipalOf(username: string): string | undefined {
  const arn = canonicalizeAssumedRole(username)
  const parsed = parseArn(arn)
  return parsed?.service === 'iam' && (parsed.resourceType === 'role' || parsed.resourceType === 'user')
    ? arn
    : undefined
}

/**
 * The IAM principals behind a Kubernetes User or Group, linked to what each can do in the cluster (Effective access):
 * a User named by an IAM ARN, or the access entries that carry a Group. Shown only when there is one.
 */
export function IamPrincipalsPanel({ cluster, kind, name }: { cluster: ClusterRef; kind: string; name: string }) {
  const user = kind === 'User' ? iamPrincipalOf(name) : undefined
  const { data } = useQuery({ ...accessEntriesQuery(cluster), enabled: kind === 'Group' })
  const principals = user
    ? [user]
    : (data?.entries ?? []).filter((e) => e.kubernetesGroups.includes(name)).map((e) => e.principalArn)
  if (principals.length === 0) return null
  return (
    <Panel
      title="IAM principals"
      description={
        kind === 'Group'
          ? `Access entries that put their IAM principal in ${name}: what each can do, with every path.`
          : 'The IAM principal this username stands for: everything it can do, with every path.'
      }
    >
      <ul className="space-y-1.5">
        {principals.map((arn) => (
          <li key={arn}>
            <Link prefetch={false} className={`${linkClass} underline`} href={effectiveAccessPath(cluster, arn)}>
              {principalDisplayName(arn)}
            </Link>{' '}
            <span className="font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">{arn}</span>
          </li>
        ))}
      </ul>
    </Panel>
  )
}
