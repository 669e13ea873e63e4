import 'server-only'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { coreCollectionPath, getKubeJson, type KubeListJson } from '@/lib/k8s/kube-raw'
import type { EventJson } from '@/lib/resources/kube-json'
import type { EventList, KubeEventDto } from '@/lib/resources/resource-dto'

import { toForbiddenNotice } from './paged-scan'

function projectEvent(e: EventJson): KubeEventDto {
  return {
    type: e.type ?? 'Normal',
    reason: e.reason ?? '',
    message: e.message ?? '',
    count: e.count ?? 1,
    source: e.source?.component ?? e.reportingComponent ?? null,
    firstSeen: e.firstTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? null,
    lastSeen: e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? null,
  }
}

// An object's events are few; one page of the newest is what a person reads.
const EVENT_LIMIT = 100

/**
 * The events whose involvedObject is this object, by field selector (kubectl describe does the same). Events of a
 * cluster-scoped object (a Node) live in `default` or any namespace, so they are listed cluster-wide. A 403 comes back
 * as a notice in place of the events.
 */
export async function listObjectEvents(
  ref: ClusterRef,
  target: { kind: 'Pod' | 'Node' | 'Namespace'; name: string; namespace?: string },
): Promise<EventList> {
  const fieldSelector = [`involvedObject.kind=${target.kind}`, `involvedObject.name=${target.name}`]
  if (target.namespace) fieldSelector.push(`involvedObject.namespace=${target.namespace}`)
  try {
    const list = await getKubeJson<KubeListJson<EventJson>>(
      ref,
      { verb: 'list', resource: 'events', namespace: target.namespace },
      coreCollectionPath('events', target.namespace),
      { fieldSelector: fieldSelector.join(','), limit: EVENT_LIMIT },
    )
    const events = list.items.map(projectEvent)
    events.sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''))
    return { events, forbidden: null }
  } catch (error) {
    const notice = toForbiddenNotice(error)
    if (!notice) throw error
    return { events: [], forbidden: notice }
  }
}
