import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

// The browser reads the console's answers without parsing them (lib/api/fetch-json.ts, docs/client-bundle.md), so
// what the server sends must already be what the client's type says: an answer schema that transforms, defaults,
// coerces or pipes would mean the server's JSON and the client's type differ. This test finds every schema the
// queries type their answers with (`fetchJson<z.infer<typeof xSchema>>`) and refuses those steps in them.

const queriesDir = join(__dirname)
const reshaping = new Set(['transform', 'default', 'prefault', 'catch', 'pipe', 'success'])

type Def = { type: string } & Record<string, unknown>
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def

/** Paths (inside the schema) of every step that changes the value rather than only checking it. */
export function reshapingSteps(schema: z.ZodType, path = '', seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return []
  seen.add(schema)
  const def = defOf(schema)
  const here = reshaping.has(def.type) ? [`${path || '(root)'}: ${def.type}`] : []
  if (def.type === 'string' && (def as { coerce?: boolean }).coerce) here.push(`${path || '(root)'}: coerce`)
  const children: [string, unknown][] = []
  const add = (key: string, value: unknown) => {
    if (value && typeof value === 'object' && '_zod' in value) children.push([key, value])
  }
  if (def.type === 'object') for (const [k, v] of Object.entries(def.shape as object)) add(`.${k}`, v)
  if (def.type === 'lazy') add('', (def.getter as () => unknown)())
  for (const key of ['element', 'innerType', 'in', 'out', 'left', 'right', 'keyType', 'valueType', 'catchall', 'rest'])
    add(`.${key}`, def[key])
  for (const key of ['options', 'items'])
    if (Array.isArray(def[key])) (def[key] as unknown[]).forEach((v, i) => add(`.${key}[${i}]`, v))
  return [...here, ...children.flatMap(([key, child]) => reshapingSteps(child as z.ZodType, path + key, seen))]
}

/** Every `typeof xSchema` in lib/queries, with the module the query file imports it from. */
function answerSchemas(): { name: string; module: string; file: string }[] {
  return readdirSync(queriesDir)
    .filter((f) => f.endsWith('-queries.ts'))
    .flatMap((file) => {
      const source = readFileSync(join(queriesDir, file), 'utf8')
      const names = [...new Set([...source.matchAll(/typeof (\w+Schema)\b/g)].map((m) => m[1]!))]
      return names.map((name) => {
        const from = [...source.matchAll(/import (?:type )?\{([^}]*)\} from '([^']+)'/g)].find((m) =>
          new RegExp(`\\b${name}\\b`).test(m[1]!),
        )
        return { name, file, module: from?.[2] ?? `(not imported in ${file})` }
      })
    })
}

describe('answer schemas the browser trusts without parsing', () => {
  const schemas = answerSchemas()

  it('finds the answer schemas (the pattern the queries use)', () => {
    expect(schemas.length).toBeGreaterThan(30)
  })

  it.each(schemas)('$name ($file) only checks, never reshapes', async ({ name, module }) => {
    const imported = (await import(module.replace(/^@\//, '../../'))) as Record<string, z.ZodType>
    const schema = imported[name]
    expect(schema, `${name} is exported by ${module}`).toBeDefined()
    expect(reshapingSteps(schema!)).toEqual([])
  })

  it.each([
    { name: 'a default', schema: z.object({ a: z.string().default('') }), found: ['.a: default'] },
    {
      name: 'a transform',
      schema: z.array(z.string().transform((s) => s.length)),
      found: ['.element: pipe', '.element.out: transform'],
    },
    {
      name: 'a preprocess',
      schema: z.object({ n: z.preprocess(Number, z.number()) }),
      found: ['.n: pipe', '.n.in: transform'],
    },
    { name: 'only checks', schema: z.object({ a: z.array(z.string().min(1).nullable()).optional() }), found: [] },
  ])('reshapingSteps finds $name', ({ schema, found }) => {
    expect(reshapingSteps(schema as z.ZodType)).toEqual(found)
  })
})
