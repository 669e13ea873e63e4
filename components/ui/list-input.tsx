'use client'

import { useState, type ComponentProps } from 'react'

import { inputClasses } from './form-field'

const parse = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)

/**
 * A comma-separated list in one text box (groups, namespaces). Keeps what the person typed — a trailing comma
 * included — and reports the parsed list.
 */
export function ListInput({
  value,
  onChange,
  invalid,
  ...props
}: Omit<ComponentProps<'input'>, 'value' | 'onChange'> & {
  value: readonly string[] | undefined
  onChange: (next: string[]) => void
  invalid?: boolean
}) {
  const [text, setText] = useState((value ?? []).join(', '))
  const shown = parse(text).join('\u0000') === (value ?? []).join('\u0000') ? text : (value ?? []).join(', ')
  return (
    <input
      {...props}
      className={inputClasses(invalid)}
      value={shown}
      autoComplete="off"
      spellCheck={false}
      onChange={(event) => {
        setText(event.target.value)
        onChange(parse(event.target.value))
      }}
    />
  )
}
