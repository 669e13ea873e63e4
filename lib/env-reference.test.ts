import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// The README's configuration reference must name every variable the console reads: the keys of the schema in
// lib/env-schema.ts, and any `process.env.X` the console's own code (or its launcher) reads directly.

const root = join(import.meta.dirname, '..')
// Set by Next.js or Node for the code, or by the launcher for itself; nobody configures them.
const notConfiguration = new Set([
  'NEXT_RUNTIME',
  'NEXT_PHASE',
  'PATH',
  'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
])

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\./.test(entry.name) ? [path] : []
  })
}

function schemaVariables(): string[] {
  const source = readFileSync(join(root, 'lib', 'env-schema.ts'), 'utf8')
  const body = /const rawEnvSchema = z\.object\(\{([\s\S]*?)\n\}\)/.exec(source)?.[1] ?? ''
  return [...body.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1] as string)
}

function directReads(): string[] {
  const files = [
    ...['app', 'lib', 'components', 'scripts'].flatMap((dir) => sources(join(root, dir))),
    join(root, 'proxy.ts'),
    join(root, 'instrumentation.ts'),
  ]
  const names = files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1] as string),
  )
  return [...new Set(names)].filter((name) => !notConfiguration.has(name))
}

function configurationSection(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  return /^## Configuration\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? ''
}

describe('README configuration reference', () => {
  const section = configurationSection()

  it('reads the schema (the scan itself works)', () => {
    expect(schemaVariables()).toEqual(expect.arrayContaining(['AWS_REGION', 'DATABASE_URL', 'METRICS_TOKEN']))
    expect(section).toContain('| variable')
  })

  it.each([...new Set([...schemaVariables(), ...directReads()])])('documents %s', (name) => {
    expect(section).toContain(`\`${name}\``)
  })
})
