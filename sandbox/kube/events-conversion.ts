// events.k8s.io/v1 Event and core/v1 Event are two views of the same stored object (kube-apiserver converts
// between them): regarding ↔ involvedObject, note ↔ message, deprecated* ↔ count/firstTimestamp/lastTimestamp/source.
import type { KubeObject } from './types'

/** Presents a stored core/v1 Event as events.k8s.io/v1. */
export function convertCoreEventToEventsV1(e: KubeObject): KubeObject {
  const {
    involvedObject,
    message,
    count,
    firstTimestamp,
    lastTimestamp,
    source,
    reportingComponent,
    reportingInstance,
    apiVersion: _a,
    kind: _k,
    ...rest
  } = e as KubeObject & Record<string, unknown>
  return {
    ...rest,
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: e.metadata,
    regarding: involvedObject,
    note: message,
    deprecatedCount: count,
    deprecatedFirstTimestamp: firstTimestamp,
    deprecatedLastTimestamp: lastTimestamp,
    deprecatedSource: source,
    reportingController: reportingComponent || (source as { component?: string } | undefined)?.component || '',
    reportingInstance: reportingInstance ?? '',
  }
}

/** Stores an events.k8s.io/v1 Event written through that group as core/v1. */
export function convertEventsV1ToCoreEvent(e: KubeObject): KubeObject {
  const {
    regarding,
    note,
    deprecatedCount,
    deprecatedFirstTimestamp,
    deprecatedLastTimestamp,
    deprecatedSource,
    reportingController,
    apiVersion: _a,
    kind: _k,
    ...rest
  } = e as KubeObject & Record<string, unknown>
  return {
    ...rest,
    apiVersion: 'v1',
    kind: 'Event',
    metadata: e.metadata,
    involvedObject: regarding,
    message: note,
    count: deprecatedCount,
    firstTimestamp: deprecatedFirstTimestamp,
    lastTimestamp: deprecatedLastTimestamp,
    source: deprecatedSource,
    reportingComponent: reportingController,
  }
}
