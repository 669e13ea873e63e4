// kubectl's typed clients (auth can-i, auth whoami) POST review objects as `application/vnd.kubernetes.protobuf`
// and accept JSON back: the review kinds' generated.proto field numbers (authorization/v1, authentication/v1).
import { openKubeEnvelope, readMessage, readString, readStrings, type Fields } from './protobuf-reader'

function decodeResourceAttributes(f: Fields): Record<string, string | undefined> {
  // authorization/v1 ResourceAttributes: namespace=1 verb=2 group=3 version=4 resource=5 subresource=6 name=7.
  return {
    namespace: readString(f, 1),
    verb: readString(f, 2),
    group: readString(f, 3),
    version: readString(f, 4),
    resource: readString(f, 5),
    subresource: readString(f, 6),
    name: readString(f, 7),
  }
}

function decodeAccessSpec(spec: Fields, withSubject: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const r = readMessage(spec, 1)
  const n = readMessage(spec, 2)
  if (r) out.resourceAttributes = decodeResourceAttributes(r)
  if (n) out.nonResourceAttributes = { path: readString(n, 1), verb: readString(n, 2) }
  if (withSubject) {
    // SubjectAccessReviewSpec: user=3 groups=4 extra=5 uid=6.
    out.user = readString(spec, 3)
    out.groups = readStrings(spec, 4)
    out.uid = readString(spec, 6)
  }
  return out
}

/** Decodes a protobuf review object into the JSON shape the review handlers read (undefined for other kinds). */
export function decodeProtobufReview(body: Buffer): Record<string, unknown> | undefined {
  const { apiVersion, kind, object } = openKubeEnvelope(body)
  const spec = readMessage(object, 2) ?? new Map()
  const base = { apiVersion, kind, metadata: {} }
  switch (kind) {
    case 'SelfSubjectReview':
      return base
    case 'SelfSubjectRulesReview':
      return { ...base, spec: { namespace: readString(spec, 1) ?? '' } }
    case 'SelfSubjectAccessReview':
      return { ...base, spec: decodeAccessSpec(spec, false) }
    case 'SubjectAccessReview':
    case 'LocalSubjectAccessReview':
      return { ...base, spec: decodeAccessSpec(spec, true) }
    default:
      return undefined
  }
}
