import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

// What `next build` reads; a change in any of them makes the last build stale.
const buildInputs = [
  'app',
  'components',
  'lib',
  'public',
  'proxy.ts',
  'next.config.js',
  'package-lock.json',
  'tailwind.config.ts',
]

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs)
}

/** Runs `next build` unless `.next/BUILD_ID` is newer than every build input. */
export async function ensureBuilt(env: NodeJS.ProcessEnv): Promise<void> {
  const buildId = join('.next', 'BUILD_ID')
  if (existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...buildInputs.map(newestMtime))) return
  console.log('Building the console (next build)…')
  const result = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
    stdio: 'inherit',
    env,
  })
  if (result.status !== 0) throw new Error('next build failed; see the output above.')
}
