'use client'

import { Button } from '@/components/ui/button'
import { Table, Td, Th } from '@/components/ui/table'
import type { AwsAuthAccountRowDto } from '@/lib/aws-auth/aws-auth-dto'

import { ProblemList } from './problem-list'

/** mapAccounts: every principal of these accounts signs in as its own ARN, with no groups. */
export function AccountsTable({
  rows,
  onRemove,
}: {
  rows: AwsAuthAccountRowDto[]
  onRemove?: (row: AwsAuthAccountRowDto) => void
}) {
  return (
    <Table caption="mapAccounts">
      <thead>
        <tr>
          <Th>Account</Th>
          <Th>Meaning</Th>
          {onRemove ? (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.index}>
            <Td>
              <span className="font-mono">{row.account}</span>
              <ProblemList problems={row.problems} />
            </Td>
            <Td className="text-zinc-600 dark:text-zinc-400">
              Any IAM principal of this account signs in as its own ARN, with no groups
            </Td>
            {onRemove ? (
              <Td className="text-right">
                <Button onClick={() => onRemove(row)} aria-label={`Remove account ${row.account}`}>
                  Remove
                </Button>
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
