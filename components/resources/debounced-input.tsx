'use client'

import { useEffect, useState, type ComponentProps } from 'react'

import { inputClasses } from '@/components/ui/form-field'

/**
 * A text input that commits its value after a pause in typing (or on Enter), so a search does not push a URL and a
 * request per keystroke. It follows `value` when the URL changes underneath it (back/forward).
 */
export function DebouncedInput({
  value,
  onCommit,
  delayMs = 400,
  className,
  ...props
}: Omit<ComponentProps<'input'>, 'value' | 'onChange'> & {
  value: string
  onCommit: (value: string) => void
  delayMs?: number
}) {
  const [draft, setDraft] = useState(value)
  const [seen, setSeen] = useState(value)
  if (seen !== value) {
    setSeen(value)
    setDraft(value)
  }
  useEffect(() => {
    if (draft === value) return
    const timer = setTimeout(() => onCommit(draft.trim()), delayMs)
    return () => clearTimeout(timer)
  }, [draft, value, delayMs, onCommit])
  return (
    <input
      {...props}
      className={inputClasses(false, className)}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onCommit(draft.trim())
      }}
    />
  )
}
