import { stringify } from 'yaml'

import type { KubeMetaJson } from './kube-json'

/** The metadata fields every detail view shows, and the object as YAML without managedFields (as `kubectl get -o yaml` shows it by default). */
export function buildMetaFields(object: { metadata?: KubeMetaJson }) {
  const meta = object.metadata ?? {}
  const { managedFields: _managed, ...cleanMeta } = meta
  return {
    name: meta.name ?? '',
    uid: meta.uid ?? null,
    createdAt: meta.creationTimestamp ?? null,
    labels: meta.labels ?? {},
    annotations: meta.annotations ?? {},
    yaml: stringify({ ...object, metadata: cleanMeta }, { lineWidth: 0 }),
  }
}
