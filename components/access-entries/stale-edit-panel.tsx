'use client'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { diffGroups, type EntryEdit } from '@/lib/access/stale-entry'

const none = <span className="text-zinc-500 dark:text-zinc-400">none</span>

function Groups({ groups }: { groups: readonly string[] }) {
  return groups.length > 0 ? <>{groups.join(', ')}</> : none
}

/** What someone else changed ("now" against "when you opened it"), next to what the person tried to save. */
export function StaleEditPanel({
  opened,
  current,
  mine,
  onReapply,
}: {
  opened: EntryEdit
  current: EntryEdit
  mine: EntryEdit
  onReapply: () => void
}) {
  const theirs = diffGroups(opened.kubernetesGroups, current.kubernetesGroups)
  const rows = [
    {
      label: 'Kubernetes username',
      opened: opened.username ?? none,
      now: current.username ?? none,
      yours: mine.username || none,
    },
    {
      label: 'Kubernetes groups',
      opened: <Groups groups={opened.kubernetesGroups} />,
      now: <Groups groups={current.kubernetesGroups} />,
      yours: <Groups groups={mine.kubernetesGroups} />,
    },
  ]
  return (
    <Alert variant="error" title="Someone changed this entry since you opened it. Nothing was saved.">
      <p>
        {[
          theirs.added.length > 0 ? `Groups added meanwhile: ${theirs.added.join(', ')}.` : '',
          theirs.removed.length > 0 ? `Groups removed meanwhile: ${theirs.removed.join(', ')}.` : '',
          opened.username !== current.username ? 'The username changed meanwhile.' : '',
        ]
          .filter(Boolean)
          .join(' ') || 'Its policies or details changed meanwhile.'}{' '}
        Re-apply puts your changes on top of the current entry; review them, then save again.
      </p>
      <table className="mt-2 w-full text-left text-xs">
        <caption className="sr-only">Entry when you opened it, now, and your change</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-2 font-medium">
              Field
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              When you opened it
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Now
            </th>
            <th scope="col" className="py-1 font-medium">
              Your change
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className="align-top">
              <th scope="row" className="py-1 pr-2 font-medium">
                {row.label}
              </th>
              <td className="py-1 pr-2 break-all">{row.opened}</td>
              <td className="py-1 pr-2 break-all">{row.now}</td>
              <td className="py-1 break-all">{row.yours}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pt-2">
        <Button variant="primary" onClick={onReapply}>
          Re-apply my changes
        </Button>
      </div>
    </Alert>
  )
}
