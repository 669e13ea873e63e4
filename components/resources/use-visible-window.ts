'use client'

import { useMemo, useState } from 'react'

import type { useResourceList } from './use-resource-list'

const BLOCK = 40

/**
 * The names of the rows around the visible window, in blocks of 40 (so small scrolls reuse the same count query),
 * for per-row data loaded lazily such as Pod counts. Empty while sorted: rows then jump around the loaded set.
 */
export function useVisibleWindow<Row>(
  list: ReturnType<typeof useResourceList<Row>>,
  nameOf: (row: Row) => string,
  sorted: boolean,
) {
  const [block, setBlock] = useState(0)
  const { onVisibleRangeChange } = list
  const tracked = useMemo(
    () => ({
      ...list,
      onVisibleRangeChange: (first: number, last: number) => {
        onVisibleRangeChange(first, last)
        setBlock(Math.floor(first / BLOCK) * BLOCK)
      },
    }),
    [list, onVisibleRangeChange],
  )
  const names = useMemo(
    () => (sorted ? [] : list.rows.slice(block, block + BLOCK * 2).map(nameOf)),
    [list.rows, block, nameOf, sorted],
  )
  return { list: tracked, names }
}
