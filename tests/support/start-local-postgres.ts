import { spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// A throwaway PostgreSQL server for tests of the PostgreSQL-backed parts (audit store, write lock).

const BIN = process.env.PG_BIN ?? '/usr/local/bin'

/** A free TCP port on 127.0.0.1. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

export type LocalPostgres = { url: (db: string) => string; stop: () => void }

/**
 * Starts a throwaway PostgreSQL server from the machine's binaries. initdb refuses to run as root, so as root the
 * cluster is created and run by `nobody` in a folder it owns. Answers a reason instead when that cannot work.
 */
export async function startLocalPostgres(): Promise<LocalPostgres | string> {
  if (!existsSync(join(BIN, 'initdb'))) return `no PostgreSQL binaries in ${BIN}`
  const root = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'audit-pg-'))
  const asOwner = (cmd: string, args: string[]) => {
    const argv = root ? ['runuser', ['-u', 'nobody', '--', join(BIN, cmd), ...args]] : [join(BIN, cmd), args]
    return spawnSync(argv[0] as string, argv[1] as string[], { encoding: 'utf8', cwd: dir })
  }
  if (root) {
    const ids = spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' })
    const gids = spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' })
    if (ids.status !== 0) return 'running as root and there is no `nobody` user to run initdb as'
    chownSync(dir, Number(ids.stdout.trim()), Number(gids.stdout.trim()))
  }
  const data = join(dir, 'data')
  const init = asOwner('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'])
  if (init.status !== 0) return `initdb failed: ${(init.stderr || init.error?.message || '').trim().slice(0, 300)}`
  const port = await freePort()
  const options = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off`
  const start = asOwner('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start'])
  if (start.status !== 0) return `pg_ctl start failed: ${(start.stderr || start.stdout).trim().slice(0, 300)}`
  return {
    url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}`,
    stop: () => {
      asOwner('pg_ctl', ['-D', data, '-m', 'immediate', 'stop'])
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
