import 'server-only'

/**
 * The one value of `name` in this server process, made by `create` on first use. Next bundles route handlers and
 * server components into separate layers, each with its own copy of a module, so a module-level cache would exist
 * once per layer: a page's load and the API's would not share it, and a write through the API would not drop what a
 * page reads. `globalThis` is the process's, whatever the layer.
 */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`eks-access-console.${name}`)
  const slots = globalThis as unknown as Record<symbol, T | undefined>
  return (slots[key] ??= create())
}
