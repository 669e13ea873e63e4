// Splits a Kubernetes list body (`{"kind":…,"metadata":{…},"items":[{…},{…}]}`) into its items while the bytes
// arrive. Each item is handed over as soon as its closing brace is in, parsed by the engine's native JSON.parse;
// only the search for item boundaries is done here, on the raw bytes (JSON's structural characters are ASCII, which
// never occurs inside a multi-byte UTF-8 sequence), skipping string contents with Buffer.indexOf. The streaming
// JSON parsers on npm tokenize every value in JavaScript, several times slower than JSON.parse. kube-apiserver
// streams list items (KEP-5116), so parsing overlaps the server's encoding and the transfer instead of starting
// after the last byte of a 1 MB page.

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d])

// The key that names the items array at the envelope's top level, up to the opening bracket.
const ITEMS_KEY = /"items"\s*:\s*$/

/** The list without its items (`items` is `[]`): kind, apiVersion and metadata (`continue`, …). */
export type ListEnvelope = { metadata?: Record<string, unknown> } & Record<string, unknown>

const EMPTY = Buffer.alloc(0)

export class ListItemSplitter {
  /** Bytes not yet consumed: from the start of the unfinished item or string, or what is left to scan. */
  private bytes: Buffer = EMPTY
  private pos = 0
  private depth = 0
  /** The depth inside the items array (its objects open at this depth), or -1 outside it. */
  private itemsDepth = -1
  private itemStart = -1
  /** Between items: right after `[`, after an item, or after the comma that must follow one. */
  private gap: 'start' | 'afterItem' | 'afterComma' = 'start'
  /** The envelope's own bytes with the items left out, parsed by {@link end}. */
  private envelope: Buffer[] = []

  constructor(private readonly onItem: (item: unknown) => void) {}

  /** Feeds the next piece of the body. */
  push(chunk: Buffer): void {
    this.bytes = this.bytes.length === 0 ? chunk : Buffer.concat([this.bytes, chunk])
    this.scan()
    this.compact()
  }

  /** Ends the body and returns the envelope; throws on a body that is not one complete list object. */
  end(): ListEnvelope {
    if (this.depth !== 0 || this.itemStart !== -1 || this.pos < this.bytes.length) {
      throw new SyntaxError('The list body ended early.')
    }
    const envelope = JSON.parse(Buffer.concat([...this.envelope, this.bytes]).toString('utf8')) as unknown
    if (!envelope || typeof envelope !== 'object' || Array.isArray(envelope)) {
      throw new SyntaxError('The list body is not a JSON object.')
    }
    return envelope as ListEnvelope
  }

  private scan(): void {
    const b = this.bytes
    const n = b.length
    let i = this.pos
    for (; i < n; i++) {
      const c = b[i]
      if (this.depth === this.itemsDepth) {
        this.checkBetweenItems(c ?? 0)
        if (c === OPEN_BRACE) this.itemStart = i
        if (c === CLOSE_BRACKET) {
          // The items array closed: what follows is envelope again, which keeps an empty array where items were.
          this.envelope.push(Buffer.from(']'))
          this.depth--
          this.restartAt(i + 1, -1)
          return
        }
      }
      if (c === QUOTE) {
        const close = findStringEnd(b, i)
        // An unfinished string is scanned again from its opening quote when more bytes arrive.
        if (close === -1) break
        i = close
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (c === OPEN_BRACKET && this.depth === 1 && this.itemsDepth === -1 && this.opensItems(i)) {
          this.envelope.push(b.subarray(0, i + 1))
          this.depth++
          this.gap = 'start'
          this.restartAt(i + 1, 2)
          return
        }
        this.depth++
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--
        if (this.depth === this.itemsDepth && this.itemStart !== -1) {
          this.onItem(JSON.parse(b.toString('utf8', this.itemStart, i + 1)))
          this.itemStart = -1
          this.gap = 'afterItem'
        }
      }
    }
    this.pos = i
  }

  /** Continues scanning after the items array opened or closed, with `at` as the new start. */
  private restartAt(at: number, itemsDepth: number): void {
    this.bytes = this.bytes.subarray(at)
    this.pos = 0
    this.itemsDepth = itemsDepth
    this.scan()
  }

  // Only what JSON allows between array elements, so a broken body fails here as it would in JSON.parse.
  private checkBetweenItems(c: number): void {
    if (WHITESPACE.has(c)) return
    const allowed =
      c === OPEN_BRACE
        ? this.gap !== 'afterItem'
        : c === COMMA
          ? this.gap === 'afterItem'
          : c === CLOSE_BRACKET && this.gap !== 'afterComma'
    if (!allowed) {
      const separator = c === OPEN_BRACE || c === COMMA || c === CLOSE_BRACKET
      throw new SyntaxError(separator ? 'The list items are not separated properly.' : 'A list item is not an object.')
    }
    if (c === COMMA) this.gap = 'afterComma'
  }

  /** True when the `[` at `at` opens the envelope's `"items"` value (the bytes before it end with `"items":`). */
  private opensItems(at: number): boolean {
    const before = Buffer.concat([...this.envelope, this.bytes.subarray(0, at)])
    return ITEMS_KEY.test(before.toString('utf8', Math.max(0, before.length - 32)))
  }

  // Drops what is scanned and no longer needed: between items nothing is kept; in the envelope the bytes move to
  // `envelope`. An unfinished item or string stays, to be sliced or rescanned whole.
  private compact(): void {
    const keepFrom = this.itemStart !== -1 ? this.itemStart : this.pos
    if (keepFrom === 0) return
    if (this.itemsDepth === -1) this.envelope.push(this.bytes.subarray(0, keepFrom))
    // A copy, so the chunk the kept bytes came from can be released.
    this.bytes = Buffer.from(this.bytes.subarray(keepFrom))
    this.pos -= keepFrom
    if (this.itemStart !== -1) this.itemStart -= keepFrom
  }
}

/** The index of the quote that closes the string opening at `open`, or -1 when it is not in `b` yet. */
function findStringEnd(b: Buffer, open: number): number {
  for (let from = open + 1; ;) {
    const quote = b.indexOf(QUOTE, from)
    if (quote === -1) return -1
    let backslashes = 0
    while (b[quote - 1 - backslashes] === BACKSLASH) backslashes++
    if (backslashes % 2 === 0) return quote
    from = quote + 1
  }
}
