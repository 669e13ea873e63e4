// `kubectl create configmap|serviceaccount|namespace|role|rolebinding|…` sends the typed object as
// `application/vnd.kubernetes.protobuf`. This decodes those kinds (k8s.io/api generated.proto field numbers) into
// JSON objects; anything else gets a 415 so the caller knows to send JSON.
import { KubeError } from './kube-error'
import {
  openKubeEnvelope,
  readMessage,
  readMessages,
  readString,
  readStringMap,
  readStrings,
  type Fields,
} from './protobuf-reader'
import { decodeProtobufReview } from './protobuf-review-body'
import { decodeWorkloadKind } from './protobuf-workload-body'

/** ObjectMeta: name=1 generateName=2 namespace=3 resourceVersion=6 labels=11 annotations=12 finalizers=14. */
function decodeObjectMeta(f: Fields | undefined): Record<string, unknown> {
  if (!f) return {}
  const meta: Record<string, unknown> = {}
  const set = (k: string, v: unknown) => {
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) meta[k] = v
  }
  set('name', readString(f, 1))
  set('generateName', readString(f, 2))
  set('namespace', readString(f, 3))
  set('resourceVersion', readString(f, 6))
  set('labels', readStringMap(f, 11))
  set('annotations', readStringMap(f, 12))
  set('finalizers', readStrings(f, 14))
  return meta
}

/** rbac/v1 PolicyRule: verbs=1 apiGroups=2 resources=3 resourceNames=4 nonResourceURLs=5. */
function decodeRules(f: Fields): Record<string, string[]>[] {
  return readMessages(f, 2).map((r) => {
    const rule: Record<string, string[]> = { verbs: readStrings(r, 1) }
    for (const [k, n] of [
      ['apiGroups', 2],
      ['resources', 3],
      ['resourceNames', 4],
      ['nonResourceURLs', 5],
    ] as const) {
      const v = readStrings(r, n)
      if (v.length) rule[k] = v
    }
    return rule
  })
}

function decodeKind(kind: string | undefined, o: Fields): Record<string, unknown> | undefined {
  const metadata = decodeObjectMeta(readMessage(o, 1))
  switch (kind) {
    case 'ConfigMap': // data=2 binaryData=3 (bytes)
      return { metadata, ...(readStringMap(o, 2) ? { data: readStringMap(o, 2) } : {}) }
    case 'ServiceAccount': // secrets=2 imagePullSecrets=3 (ObjectReference/LocalObjectReference: name=3 / name=1)
      return {
        metadata,
        secrets: readMessages(o, 2).map((s) => ({ name: readString(s, 3) })),
        imagePullSecrets: readMessages(o, 3).map((s) => ({ name: readString(s, 1) })),
      }
    case 'Namespace':
      return { metadata }
    case 'Role':
    case 'ClusterRole':
      return { metadata, rules: decodeRules(o) }
    case 'RoleBinding':
    case 'ClusterRoleBinding': {
      // subjects=2 {kind=1 apiGroup=2 name=3 namespace=4}, roleRef=3 {apiGroup=1 kind=2 name=3}
      // proto2 fields arrive even when empty; JSON omits them (omitempty).
      const subjects = readMessages(o, 2).map((s) =>
        Object.fromEntries(
          Object.entries({
            kind: readString(s, 1),
            apiGroup: readString(s, 2),
            name: readString(s, 3),
            namespace: readString(s, 4),
          }).filter(([, v]) => v),
        ),
      )
      const ref = readMessage(o, 3)
      return {
        metadata,
        subjects,
        roleRef: ref ? { apiGroup: readString(ref, 1), kind: readString(ref, 2), name: readString(ref, 3) } : undefined,
      }
    }
    default:
      return decodeWorkloadKind(kind, o, metadata)
  }
}

/** True when the body uses the Kubernetes protobuf envelope. */
export function isKubeProtobuf(contentType: string | undefined): boolean {
  return (contentType ?? '').startsWith('application/vnd.kubernetes.protobuf')
}

/** Decodes a protobuf request body (reviews and the kinds above) to JSON; other kinds are 415. */
export function decodeProtobufBody(body: Buffer): Record<string, unknown> {
  const review = decodeProtobufReview(body)
  if (review) return review
  const { apiVersion, kind, object } = openKubeEnvelope(body)
  const decoded = decodeKind(kind, object)
  if (!decoded)
    throw new KubeError(
      'UnsupportedMediaType',
      `the sandbox decodes protobuf only for reviews, ConfigMaps, Secrets, ServiceAccounts, Namespaces, RBAC objects and apps/batch workloads, not ${kind ?? 'this kind'}; send application/json`,
    )
  return { apiVersion, kind, ...decoded }
}
