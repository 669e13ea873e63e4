'use client'

import { useEffect, useState } from 'react'
import type { z } from 'zod'

import type { LazySchema } from '@/lib/validation/lazy-schema'

/**
 * The schema of a {@link LazySchema} once `wanted` (say, once the person edited the form): undefined until then and
 * while it loads, so the page's first load does not fetch zod. For pages that also check values as they change.
 */
export function useLazySchema<S extends z.ZodType>(schema: LazySchema<S>, wanted: boolean): S | undefined {
  const [loaded, setLoaded] = useState(schema.loaded)
  useEffect(() => {
    if (!wanted || loaded) return
    let live = true
    schema.load().then(
      (s) => live && setLoaded(() => s),
      () => undefined, // the resolver's next run retries and reports the failure
    )
    return () => {
      live = false
    }
  }, [schema, wanted, loaded])
  return loaded
}
