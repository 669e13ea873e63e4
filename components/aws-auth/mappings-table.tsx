'use client'

import { TimeLeft } from '@/components/time-bound/time-left'
import { useNow } from '@/components/time-bound/use-now'
import { Badge, type BadgeTone } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Table, Td, Th } from '@/components/ui/table'
import type { AwsAuthRowDto } from '@/lib/aws-auth/aws-auth-dto'
import { awsAuthMeaningLabels, type AwsAuthMeaning } from '@/lib/aws-auth/aws-auth-meaning'
import type { TimeBoundGrantDto } from '@/lib/time-bound/time-bound-dto'

import { ProblemList } from './problem-list'
import { TemplatedText } from './templated-text'

const meaningTones: Record<AwsAuthMeaning, BadgeTone> = {
  node: 'blue',
  'windows-node': 'blue',
  fargate: 'blue',
  admin: 'red',
  'rbac-groups': 'neutral',
  'identity-only': 'neutral',
  account: 'amber',
  unreadable: 'amber',
}

const principalName = (arn: string) => arn.split('/').pop() || arn

/** The active time-bound grants that added this row (same section, same ARN ignoring case). */
function grantsOfRow(row: AwsAuthRowDto, grants: readonly TimeBoundGrantDto[]): TimeBoundGrantDto[] {
  return grants.filter(
    (g) =>
      g.addition.kind === 'aws-auth-mapping' &&
      g.addition.section === row.section &&
      g.addition.principalArn.toLowerCase() === row.arn.toLowerCase(),
  )
}

/** mapRoles or mapUsers as a table; `onEdit`/`onRemove` only for admins; time left on rows added time-bound. */
export function MappingsTable({
  caption,
  rows,
  grants = [],
  onEdit,
  onRemove,
}: {
  caption: string
  rows: AwsAuthRowDto[]
  grants?: readonly TimeBoundGrantDto[]
  onEdit?: (row: AwsAuthRowDto) => void
  onRemove?: (row: AwsAuthRowDto) => void
}) {
  const now = useNow(15_000)
  const editable = onEdit !== undefined && onRemove !== undefined
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Principal</Th>
          <Th>Username</Th>
          <Th>Groups</Th>
          <Th>Meaning</Th>
          {editable ? (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          // A shadowed row is set apart by a tint, not by fading it: faded text fell under WCAG's contrast minimum.
          <tr
            key={`${row.section}-${row.index}`}
            className={row.shadowedByAccessEntry ? 'bg-zinc-50 dark:bg-zinc-900/60' : undefined}
          >
            <Td className="max-w-sm min-w-[16rem]">
              <div className="font-medium break-all">{row.arn ? principalName(row.arn) : '(no ARN)'}</div>
              <div className="font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">
                {row.arn || 'entry the authenticator cannot read'}
                {row.line !== null ? ` · ${row.section} line ${row.line}` : ''}
              </div>
              {row.extraKeys.length > 0 ? (
                <div className="text-xs text-zinc-500 dark:text-zinc-400">Also: {row.extraKeys.join(', ')} (kept)</div>
              ) : null}
              <ProblemList problems={row.problems} />
            </Td>
            <Td>
              {row.username ? (
                <TemplatedText text={row.username} />
              ) : (
                <span className="text-zinc-500 dark:text-zinc-400">—</span>
              )}
            </Td>
            <Td>
              <div className="flex flex-wrap gap-1">
                {row.groups.length === 0 ? <span className="text-zinc-500 dark:text-zinc-400">—</span> : null}
                {row.groups.map((group) => (
                  <Badge key={group} tone={group === 'system:masters' ? 'red' : 'neutral'}>
                    {group}
                  </Badge>
                ))}
              </div>
            </Td>
            <Td>
              <div className="flex flex-col items-start gap-1">
                <Badge tone={meaningTones[row.meaning]}>{awsAuthMeaningLabels[row.meaning]}</Badge>
                {row.shadowedByAccessEntry ? <Badge tone="violet">Shadowed: the access entry wins</Badge> : null}
                {grantsOfRow(row, grants).length > 0 ? <TimeLeft grants={grantsOfRow(row, grants)} now={now} /> : null}
              </div>
            </Td>
            {editable ? (
              <Td className="text-right whitespace-nowrap">
                <div className="flex justify-end gap-2">
                  <Button onClick={() => onEdit(row)} aria-label={`Edit ${row.arn || `entry ${row.index + 1}`}`}>
                    Edit
                  </Button>
                  <Button onClick={() => onRemove(row)} aria-label={`Remove ${row.arn || `entry ${row.index + 1}`}`}>
                    Remove
                  </Button>
                </div>
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
