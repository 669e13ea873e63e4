import { RotateCw } from 'lucide-react'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import type { AccessEntriesPage } from '@/lib/access/access-entry-dto'

// Enough names to recognise the gap without turning the notice into a second table.
const NAMES_SHOWN = 8

/**
 * The entries EKS would not describe (throttling, a 5xx) while the rest loaded: named, with what EKS said, and a
 * retry that reads only them again (the others come from the console's cache).
 */
export function UnreadableEntries({
  unreadable,
  retrying,
  onRetry,
}: {
  unreadable: AccessEntriesPage['unreadable']
  retrying: boolean
  onRetry: () => void
}) {
  if (unreadable.length === 0) return null
  const names = unreadable.slice(0, NAMES_SHOWN).map((u) => u.principalName)
  const more = unreadable.length - names.length
  const count = unreadable.length === 1 ? 'One entry' : `${unreadable.length} entries`
  return (
    <Alert
      variant="warning"
      title={`${count} could not be read, so the list below is incomplete`}
      action={
        <Button onClick={onRetry} disabled={retrying}>
          <RotateCw aria-hidden="true" className="size-4" /> {retrying ? 'Retrying…' : 'Retry'}
        </Button>
      }
    >
      <p>
        {names.join(', ')}
        {more > 0 ? ` and ${more} more` : ''}. {unreadable[0]?.message}
      </p>
    </Alert>
  )
}
