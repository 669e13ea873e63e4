import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

// A lock folder not yet holding its owner's pid is being taken; one this old without a pid was left by a crash.
const UNCLAIMED_GRACE_MS = 30_000
const POLL_MS = 250

/** The lock of one project folder, outside it (`next build` empties .next, and nothing here needs ignoring). */
export function buildLockPath(projectDir: string): string {
  const id = createHash('sha256').update(resolve(projectDir)).digest('hex').slice(0, 16)
  return join(tmpdir(), `eks-access-console-build-${id}.lock`)
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** True when the lock's owner is gone: its process ended, or it never wrote its pid and the lock is old. */
function abandoned(lock: string): boolean {
  let pid: number
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'))
  } catch {
    try {
      return Date.now() - statSync(lock).mtimeMs > UNCLAIMED_GRACE_MS
    } catch {
      return false // released meanwhile: try again
    }
  }
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

/**
 * Runs `work` while holding the project's build lock, across processes: test files running in parallel (and a
 * launcher beside them) each make sure the console is built, and two `next build` in one folder fail ("Another next
 * build process is already running"). A process that waited finds the build done when it gets the lock.
 */
export function withBuildLock<T>(projectDir: string, work: () => T): T {
  const lock = buildLockPath(projectDir)
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    if (abandoned(lock)) rmSync(lock, { recursive: true, force: true })
    else sleepSync(POLL_MS)
  }
  try {
    writeFileSync(join(lock, 'pid'), String(process.pid))
    return work()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}
