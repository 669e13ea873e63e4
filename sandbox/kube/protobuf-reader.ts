// A minimal protobuf reader for the Kubernetes wire format (generated.proto messages inside the `k8s\0` envelope).
import { KubeError } from './kube-error'

/** A decoded protobuf message: field number → values (varints as numbers, length-delimited as Buffers). */
export type Fields = Map<number, (Buffer | number)[]>

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
export function readFields(buf: Buffer): Fields {
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

export function readString(f: Fields, n: number): string | undefined {
  const v = f.get(n)?.[0]
  return Buffer.isBuffer(v) ? v.toString('utf8') : undefined
}

export function readMessage(f: Fields, n: number): Fields | undefined {
  const v = f.get(n)?.[0]
  return Buffer.isBuffer(v) ? readFields(v) : undefined
}

/** All string values of a repeated string field. */
export function readStrings(f: Fields, n: number): string[] {
  return (f.get(n) ?? []).filter(Buffer.isBuffer).map((b) => b.toString('utf8'))
}

/** A protobuf `map<string,string>` (repeated entries {key=1, value=2}). */
export function readStringMap(f: Fields, n: number): Record<string, string> | undefined {
  const entries = (f.get(n) ?? []).filter(Buffer.isBuffer)
  if (entries.length === 0) return undefined
  const out: Record<string, string> = {}
  for (const e of entries) {
    const kv = readFields(e)
    out[readString(kv, 1) ?? ''] = readString(kv, 2) ?? ''
  }
  return out
}

/** Every value of a repeated message field, decoded. */
export function readMessages(f: Fields, n: number): Fields[] {
  return (f.get(n) ?? []).filter(Buffer.isBuffer).map(readFields)
}

/** Splits the Kubernetes protobuf envelope (`k8s\0` + runtime.Unknown{typeMeta=1, raw=2}). */
export function openKubeEnvelope(body: Buffer): { apiVersion?: string; kind?: string; object: Fields } {
  if (body.subarray(0, 4).toString('latin1') !== 'k8s\u0000')
    throw new KubeError('BadRequest', 'protobuf body lacks the k8s envelope')
  const unknown = readFields(body.subarray(4))
  const typeMeta = readMessage(unknown, 1)
  const raw = unknown.get(2)?.[0]
  return {
    apiVersion: typeMeta ? readString(typeMeta, 1) : undefined,
    kind: typeMeta ? readString(typeMeta, 2) : undefined,
    object: Buffer.isBuffer(raw) ? readFields(raw) : new Map(),
  }
}
