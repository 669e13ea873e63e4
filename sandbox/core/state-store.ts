import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import type { World } from './world'

const STATE_FILE = 'world.json'

/** What is on disk: the World plus the scale it was seeded at (a different scale means a fresh seed). */
interface StateFile {
  scale: 'default' | 'large'
  world: World
}

/**
 * Persists the World as JSON under the state directory. Saves are atomic (write a temp file, then rename over the
 * old one, so a crash never leaves half a file) and coalesced: many mutations in a burst cause one write.
 */
export class StateStore {
  private timer: NodeJS.Timeout | undefined
  private writing: Promise<void> = Promise.resolve()
  private pending: World | undefined

  constructor(
    readonly dir: string,
    private readonly scale: 'default' | 'large',
    private readonly debounceMs = 50,
  ) {}

  /** Loads the saved World, or undefined when there is none, it is unreadable, or it was seeded at another scale. */
  async loadWorld(): Promise<World | undefined> {
    try {
      const parsed = JSON.parse(await readFile(join(this.dir, STATE_FILE), 'utf8')) as Partial<StateFile>
      if (parsed.scale !== this.scale || parsed.world?.version !== 2) return undefined
      return parsed.world
    } catch {
      return undefined
    }
  }

  /** Schedules a save of `world` (coalesced with other saves in the next `debounceMs`). */
  scheduleSave(world: World): void {
    this.pending = world
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.flush()
    }, this.debounceMs)
  }

  /** Writes any pending save now and waits for all writes to finish. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = undefined
    }
    const world = this.pending
    this.pending = undefined
    if (world) {
      const body = JSON.stringify({ scale: this.scale, world } satisfies StateFile)
      this.writing = this.writing.then(() => this.writeAtomically(body))
    }
    await this.writing
  }

  private async writeAtomically(body: string): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    const tmp = join(this.dir, `${STATE_FILE}.${process.pid}.${Date.now()}.tmp`)
    await writeFile(tmp, body, 'utf8')
    await rename(tmp, join(this.dir, STATE_FILE))
  }
}
