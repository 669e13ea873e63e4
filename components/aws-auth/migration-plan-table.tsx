import { Badge, type BadgeTone } from '@/components/ui/badge'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import { accessPolicyNameFromArn } from '@/lib/access/policy-catalogue'
import type { EntryResult } from '@/lib/aws-auth/migration-dto'
import type { MigrationItem } from '@/lib/aws-auth/migration-plan'

const actionTone: Record<MigrationItem['action'], BadgeTone> = { create: 'green', skip: 'neutral', blocked: 'red' }
const actionLabel: Record<MigrationItem['action'], string> = { create: 'Entry', skip: 'Skipped', blocked: 'Blocker' }
const resultTone: Record<EntryResult['status'], BadgeTone> = { created: 'green', exists: 'blue', failed: 'red' }

function Becomes({ item }: { item: MigrationItem }) {
  if (!item.entry) return <span className="text-zinc-700 dark:text-zinc-300">{item.reason}</span>
  const { type, username, kubernetesGroups, policyArns, principalArn } = item.entry
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="violet">{type}</Badge>
        {username ? <code className="text-xs">{username}</code> : null}
      </div>
      {principalArn !== item.source ? (
        <p className="text-xs break-all text-zinc-600 dark:text-zinc-400">IAM: {principalArn}</p>
      ) : null}
      {kubernetesGroups.length > 0 ? <p className="text-xs">groups: {kubernetesGroups.join(', ')}</p> : null}
      {policyArns.map((p) => (
        <p key={p} className="text-xs">
          policy: {accessPolicyNameFromArn(p) ?? p} (cluster)
        </p>
      ))}
      {item.notes.map((note) => (
        <p key={note} className="text-xs text-amber-800 dark:text-amber-300">
          {note}
        </p>
      ))}
    </div>
  )
}

/** The plan: each aws-auth row and the access entry it becomes, or why it is skipped; results once applied. */
export function MigrationPlanTable({ items, results }: { items: MigrationItem[]; results?: EntryResult[] }) {
  const byId = new Map((results ?? []).map((r) => [r.id, r]))
  return (
    <Table caption="Migration plan: each aws-auth mapping and the access entry it becomes">
      <thead>
        <tr>
          <Th>Mapping</Th>
          <Th>aws-auth says</Th>
          <Th>Plan</Th>
          <Th>Becomes</Th>
          {results ? <Th>Result</Th> : null}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const result = byId.get(item.id)
          return (
            <Tr key={item.id}>
              <Td className="align-top">
                <div className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{item.id}</div>
                <div className="max-w-72 text-xs break-all">{item.source}</div>
              </Td>
              <Td className="align-top text-xs">
                {item.username ? (
                  <code>{item.username}</code>
                ) : (
                  <span className="text-zinc-500 dark:text-zinc-400">no username</span>
                )}
                {item.groups.length > 0 ? <div>{item.groups.join(', ')}</div> : null}
              </Td>
              <Td className="align-top">
                <Badge tone={actionTone[item.action]}>{actionLabel[item.action]}</Badge>
              </Td>
              <Td className="align-top text-sm">
                <Becomes item={item} />
              </Td>
              {results ? (
                <Td className="align-top text-xs">
                  {result ? <Badge tone={resultTone[result.status]}>{result.status}</Badge> : null}
                  {result?.message ? <p className="mt-1 text-red-700 dark:text-red-400">{result.message}</p> : null}
                </Td>
              ) : null}
            </Tr>
          )
        })}
      </tbody>
    </Table>
  )
}
