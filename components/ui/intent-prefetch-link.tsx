'use client'

import Link from 'next/link'
import { useState, type ComponentProps } from 'react'

/**
 * A link that prefetches its page once the pointer rests on it, a finger touches it or it gets keyboard focus, never
 * just for being on screen. Every console page shows a dozen cluster tabs and header links: viewport prefetching made
 * the server render them all (twice) while it was loading the page's own data (docs/client-bundle.md#prefetching).
 */
export function IntentPrefetchLink({
  onMouseEnter,
  onTouchStart,
  onFocus,
  ...props
}: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  const [intent, setIntent] = useState(false)
  return (
    <Link
      {...props}
      prefetch={intent ? null : false}
      onMouseEnter={(event) => {
        setIntent(true)
        onMouseEnter?.(event)
      }}
      onTouchStart={(event) => {
        setIntent(true)
        onTouchStart?.(event)
      }}
      onFocus={(event) => {
        setIntent(true)
        onFocus?.(event)
      }}
    />
  )
}
