// Forms validate with the zod schema their route uses (one schema per form and route), but zod is ~32 kB gzip: a
// page that imported its schema would carry zod in its first-load JavaScript. A lazy schema is the same schema, in
// a chunk of its own that the browser fetches on first use (the first validation, or the first edit), when the
// person is already typing. docs/client-bundle.md
import type { FieldValues, Resolver } from 'react-hook-form'
import type { z } from 'zod'

/** A schema loaded on first use: `load()` fetches it once; `loaded()` is it, or undefined before. */
export type LazySchema<S extends z.ZodType> = { load: () => Promise<S>; loaded: () => S | undefined }

/**
 * Wraps a dynamic import of a schema module: `lazySchema(() => import('@/lib/x/x-schema').then((m) => m.xSchema))`.
 * A failed load (the network dropped) is retried on the next use.
 */
export function lazySchema<S extends z.ZodType>(importer: () => Promise<S>): LazySchema<S> {
  let pending: Promise<S> | undefined
  let schema: S | undefined
  return {
    load: () =>
      (pending ??= importer().then(
        (loaded) => (schema = loaded),
        (error: unknown) => {
          pending = undefined
          throw error
        },
      )),
    loaded: () => schema,
  }
}

/** react-hook-form's zodResolver over a {@link LazySchema}: resolvers are asynchronous, so the form waits once. */
export function lazyZodResolver<Input extends FieldValues, Output>(
  schema: LazySchema<z.ZodType<Output, Input>>,
): Resolver<Input, unknown, Output> {
  let resolver: Promise<Resolver<Input, unknown, Output>> | undefined
  return async (values, context, options) => {
    resolver ??= Promise.all([schema.load(), import('@hookform/resolvers/zod')]).then(([loaded, { zodResolver }]) =>
      zodResolver(loaded),
    )
    return (await resolver)(values, context, options)
  }
}
