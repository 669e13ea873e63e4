// kubectl's typed clients (auth can-i, auth whoami) POST review objects as `application/vnd.kubernetes.protobuf`
// and accept JSON back. This decodes just those review kinds from the Kubernetes protobuf envelope: the magic
// `k8s\0` followed by runtime.Unknown{typeMeta=1, raw=2}, raw being the object's generated.proto message.
import { KubeError } from './kube-error'

type Fields = Map<number, (Buffer | number)[]>

function readVarint(buf: Buffer, pos: number): [number, number] {
  let result = 0
  let shift = 0
  for (;;) {
    const b = buf[pos++]
    if (b === undefined) throw new KubeError('BadRequest', 'truncated protobuf body')
    result += (b & 0x7f) * 2 ** shift
    if ((b & 0x80) === 0) return [result, pos]
    shift += 7
  }
}

/** Splits one protobuf message into its fields (varints as numbers, length-delimited as Buffers). */
function readFields(buf: Buffer): Fields {
  const fields: Fields = new Map()
  let pos = 0
  while (pos < buf.length) {
    const [key, p1] = readVarint(buf, pos)
    const field = Math.floor(key / 8)
    const wire = key & 7
    let value: Buffer | number
    if (wire === 0) [value, pos] = readVarint(buf, p1)
    else if (wire === 2) {
      const [len, p2] = readVarint(buf, p1)
      value = buf.subarray(p2, p2 + len)
      pos = p2 + len
    } else if (wire === 1) {
      value = 0
      pos = p1 + 8
    } else if (wire === 5) {
      value = 0
      pos = p1 + 4
    } else throw new KubeError('BadRequest', `unsupported protobuf wire type ${wire}`)
    fields.set(field, [...(fields.get(field) ?? []), value])
  }
  return fields
}

function readString(f: Fields, n: number): string | undefined {
  const v = f.get(n)?.[0]
  return Buffer.isBuffer(v) ? v.toString('utf8') : undefined
}

function readMessage(f: Fields, n: number): Fields | undefined {
  const v = f.get(n)?.[0]
  return Buffer.isBuffer(v) ? readFields(v) : undefined
}

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
    out.groups = (spec.get(4) ?? []).filter(Buffer.isBuffer).map((b) => b.toString('utf8'))
    out.uid = readString(spec, 6)
  }
  return out
}

/** True when the body uses the Kubernetes protobuf envelope. */
export function isKubeProtobuf(contentType: string | undefined): boolean {
  return (contentType ?? '').startsWith('application/vnd.kubernetes.protobuf')
}

/** Decodes a protobuf review object into the JSON shape the review handlers read. */
export function decodeProtobufReview(body: Buffer): Record<string, unknown> {
  if (body.subarray(0, 4).toString('latin1') !== 'k8s\u0000')
    throw new KubeError('BadRequest', 'protobuf body lacks the k8s envelope')
  const unknown = readFields(body.subarray(4))
  const typeMeta = readMessage(unknown, 1)
  const kind = typeMeta ? readString(typeMeta, 2) : undefined
  const raw = unknown.get(2)?.[0]
  const obj = Buffer.isBuffer(raw) ? readFields(raw) : new Map()
  const spec = readMessage(obj, 2) ?? new Map()
  const base = { apiVersion: typeMeta ? readString(typeMeta, 1) : undefined, kind, metadata: {} }
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
      throw new KubeError(
        'UnsupportedMediaType',
        `the sandbox decodes protobuf only for review objects, not ${kind ?? 'this kind'}; send application/json`,
      )
  }
}
