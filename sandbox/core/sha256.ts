import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto'

type SourceData = string | ArrayBuffer | ArrayBufferView

function toBuffer(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8')
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  return Buffer.from(data)
}

/**
 * The `Checksum` class @smithy/signature-v4 expects, backed by node:crypto: SHA-256, or HMAC-SHA256 when constructed
 * with a key. Same shape as @aws-crypto/sha256-js, so signatures match what the SDK and the aws CLI compute.
 */
export class NodeSha256 {
  private readonly hash: Hash | Hmac

  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(secret))
  }

  update(data: SourceData): void {
    this.hash.update(toBuffer(data))
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest())
  }

  reset(): void {
    throw new Error('NodeSha256 cannot be reset; create a new instance')
  }
}
