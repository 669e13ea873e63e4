import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

import { withBuildLock } from './build-lock'

// What `next build` reads; a change in any of them makes the last build stale.
const buildInputs = [
  'app',
  'components',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'package-lock.json',
  'tsconfig.next.json',
  'tailwind.config.ts',
]

// Test files live beside the code but are not built: adding one must not cost a rebuild (hence files only, too).
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), 0)
}

/**
 * Runs `next build` in `projectDir` unless its standalone server (`.next/standalone/server.js`, what `npm start`,
 * `npm run serve` and the image run) is newer than every build input.
 */
export function ensureBuilt(env: NodeJS.ProcessEnv = process.env, projectDir = process.cwd()): void {
  const server = join(projectDir, '.next', 'standalone', 'server.js')
  const upToDate = () => {
    const newestInput = Math.max(...buildInputs.map((input) => newestMtime(join(projectDir, input))))
    return existsSync(server) && statSync(server).mtimeMs > newestInput
  }
  if (upToDate()) return
  // Another process may be building it right now: wait for it, then look again.
  withBuildLock(projectDir, () => {
    if (upToDate()) return
    console.log('Building the console (next build)…')
    const next = createRequire(join(projectDir, 'package.json')).resolve('next/dist/bin/next')
    const result = spawnSync(process.execPath, [next, 'build'], { cwd: projectDir, stdio: 'inherit', env })
    if (result.status !== 0) throw new Error('next build failed; see the output above.')
  })
}
