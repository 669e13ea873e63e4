import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

import { buildLockPath, withBuildLock } from './build-lock'

const project = mkdtempSync(join(tmpdir(), 'build-lock-project-'))
const log = join(project, 'log')
afterAll(() => rmSync(project, { recursive: true, force: true }))

/** Another process that holds the lock for `holdMs`, logging when it got it and when it let go. */
function holder(holdMs: number): Promise<number | null> {
  const lockModule = pathToFileURL(join(__dirname, 'build-lock.ts')).href
  const code = `
    import { appendFileSync } from 'node:fs'
    const loaded = await import(${JSON.stringify(lockModule)})
    const { withBuildLock } = loaded.withBuildLock ? loaded : loaded.default
    withBuildLock(${JSON.stringify(project)}, () => {
      appendFileSync(${JSON.stringify(log)}, 'in ' + process.pid + '\\n')
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${holdMs})
      appendFileSync(${JSON.stringify(log)}, 'out ' + process.pid + '\\n')
    })`
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: 'inherit' })
  return new Promise((resolve) => child.once('exit', resolve))
}

describe('withBuildLock', () => {
  it('lets one process at a time in, across processes', async () => {
    writeFileSync(log, '')
    expect(await Promise.all([holder(400), holder(400), holder(400)])).toEqual([0, 0, 0])
    const lines = readFileSync(log, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(6)
    // Each "in" is followed by the same process's "out" before anyone else gets in.
    for (let i = 0; i < lines.length; i += 2) {
      expect(lines[i]).toMatch(/^in \d+$/)
      expect(lines[i + 1]).toBe(lines[i]!.replace('in', 'out'))
    }
  }, 30_000)

  it('takes over a lock whose process is gone', () => {
    const ended = spawnSync(process.execPath, ['-e', '0']).pid
    mkdirSync(buildLockPath(project))
    writeFileSync(join(buildLockPath(project), 'pid'), String(ended))
    const started = performance.now()
    expect(withBuildLock(project, () => 'built')).toBe('built')
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})
