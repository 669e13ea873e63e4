import { Badge, type BadgeTone } from '@/components/ui/badge'
import type { RequestState } from '@/lib/time-bound/describe-request'

const tone: Record<RequestState, BadgeTone> = { pending: 'amber', approved: 'green', denied: 'red', expired: 'neutral' }
const label: Record<RequestState, string> = {
  pending: 'Pending',
  approved: 'Approved',
  denied: 'Denied',
  expired: 'Expired undecided',
}

/** A request's state as a coloured label. */
export function RequestStateBadge({ state }: { state: RequestState }) {
  return <Badge tone={tone[state]}>{label[state]}</Badge>
}
