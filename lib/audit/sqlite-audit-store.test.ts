import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import Database from 'better-sqlite3'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const { openSqliteAuditStore } = await import('./sqlite-audit-store')
const { describeAuditStoreContract } = await import('./audit-store-contract')
const { describeSessionStoreContract } = await import('./session-store-contract')

const root = mkdtempSync(join(tmpdir(), 'audit-sqlite-'))
let opened: { close: () => Promise<void> }[] = []
let counter = 0
afterEach(async () => {
  await Promise.all(opened.map((s) => s.close()))
  opened = []
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** A store over a new file in a new folder (the folder is created by the store). */
function openFresh(path = join(root, `run-${++counter}`, 'audit.sqlite')) {
  const store = openSqliteAuditStore(path)
  opened.push(store)
  return store
}

describeAuditStoreContract('SQLite', async () => openFresh())
describeSessionStoreContract('SQLite', async () => {
  const path = join(root, `run-${++counter}`, 'audit.sqlite')
  return { store: openFresh(path), reopen: async () => openFresh(path) }
})

describe('SQLite audit store file', () => {
  it('creates its folder (git-ignored), a WAL database and the version table', async () => {
    const folder = join(root, 'nested', 'deeper')
    const file = join(folder, 'audit.sqlite')
    openFresh(file)
    expect(existsSync(file)).toBe(true)
    expect(readFileSync(join(folder, '.gitignore'), 'utf8')).toContain('*')
    const db = new Database(file, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.prepare('SELECT version FROM audit_schema_version').all()).toEqual([{ version: 1 }])
    db.close()
  })

  it('opens an existing log again without re-creating the schema or losing events', async () => {
    const file = join(root, 'reopen', 'audit.sqlite')
    const first = openFresh(file)
    await first.append({ actor: { name: 'a', role: 'admin' }, action: 'x.y', target: 't', result: 'succeeded' })
    await first.close()
    opened = opened.filter((s) => s !== first)
    const second = openFresh(file)
    openFresh(file) // a second connection at the same time (another route bundle) is fine too
    expect((await second.query({ limit: 5 })).events).toHaveLength(1)
    const db = new Database(file, { readonly: true })
    expect(db.prepare('SELECT count(*) AS n FROM audit_schema_version').get()).toEqual({ n: 1 })
    db.close()
  })

  it.each([
    [
      'under a file',
      () => {
        writeFileSync(join(root, 'a-file'), '')
        return join(root, 'a-file', 'x', 'audit.sqlite')
      },
    ],
    ['under /proc', () => '/proc/no-such-folder/audit.sqlite'],
  ])('fails fast (never hangs) on a folder it cannot create: %s', (_name, path) => {
    expect(() => openSqliteAuditStore(path())).toThrow()
  })

  it('does not write a .gitignore into a folder that already existed', async () => {
    const folder = mkdtempSync(join(root, 'existing-'))
    openFresh(join(folder, 'audit.sqlite'))
    expect(existsSync(join(folder, '.gitignore'))).toBe(false)
  })
})
