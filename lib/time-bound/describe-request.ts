// Plain-language pieces of an access request, for the Requests page, its deep link and the badge.
import type { AccessRequestDto } from './access-request-schema'
import { durationPresetLabels } from './duration-presets'
import type { GrantDuration } from './grant-duration'

/** Where a request's state stands: the three stored ones, plus `expired` for a pending one past its time. */
export type RequestState = 'pending' | 'approved' | 'denied' | 'expired'

/** The state a person sees (an undecided request past its time is expired, not pending). */
export function requestState(r: Pick<AccessRequestDto, 'status' | 'expired'>): RequestState {
  return r.status === 'pending' && r.expired ? 'expired' : r.status
}

/** "4 hours from approval", "until 3 Dec 2026, 18:00:00": how long the asked access lasts. */
export function describeRequestedDuration(duration: GrantDuration): string {
  if (duration.kind === 'preset') return `${durationPresetLabels[duration.preset]} from approval`
  if (duration.kind === 'until') return `until ${new Date(duration.endsAt).toLocaleString()}`
  return 'permanent'
}

/** "AmazonEKSViewPolicy in namespaces orders, team-a" / "… on the whole cluster". */
export function describeRequestedAccess(r: Pick<AccessRequestDto, 'request'>): string {
  const policy = r.request.policyArn.split('/').pop() ?? r.request.policyArn
  const scope = r.request.accessScope
  return scope.type === 'cluster'
    ? `${policy} on the whole cluster`
    : `${policy} in namespace${scope.namespaces.length === 1 ? '' : 's'} ${scope.namespaces.join(', ')}`
}

/** The principal's short name (role/path/Name → Name). */
export const principalName = (arn: string) => arn.split('/').pop() ?? arn
