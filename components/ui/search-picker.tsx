'use client'

import { useDeferredValue, useState, type ReactNode } from 'react'

import { cn } from '@/lib/cn'

import { inputClasses } from './form-field'

/** The text of a search box and the trimmed term to query with, deferred so typing stays responsive. */
export function useSearchTerm() {
  const [text, setText] = useState('')
  const term = useDeferredValue(text.trim())
  return { text, setText, term }
}

/**
 * A search box whose matches are buttons: picking one hands it to `onPick` and clears the box. `status` is the live
 * line under the box (count or failure); `results` are listed only while there is a term.
 */
export function SearchPicker<T>({
  id,
  label,
  placeholder,
  search,
  status,
  results,
  resultsLabel,
  resultKey,
  renderResult,
  onPick,
  className,
  listClassName,
}: {
  id: string
  label: string
  placeholder: string
  search: ReturnType<typeof useSearchTerm>
  status: string
  results: readonly T[] | undefined
  resultsLabel: string
  resultKey: (result: T) => string
  renderResult: (result: T) => ReactNode
  onPick: (result: T) => void
  className?: string
  listClassName?: string
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className={inputClasses()}
        placeholder={placeholder}
        value={search.text}
        onChange={(e) => search.setText(e.target.value)}
        aria-describedby={`${id}-status`}
      />
      <p id={`${id}-status`} role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
        {status}
      </p>
      {search.term && results && results.length > 0 ? (
        <ul
          aria-label={resultsLabel}
          className={cn('overflow-y-auto rounded-md border border-zinc-200 dark:border-zinc-800', listClassName)}
        >
          {results.map((result) => (
            <li key={resultKey(result)}>
              <button
                type="button"
                onClick={() => {
                  onPick(result)
                  search.setText('')
                }}
                className="flex w-full items-center gap-2 px-3 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
              >
                {renderResult(result)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/** An IAM role's or user's name, followed by its path when that is not the default `/`. */
export function IamNameWithPath({ name, path }: { name: string; path: string }) {
  return (
    <>
      <span className="font-medium">{name}</span>
      {path !== '/' ? <span className="truncate text-xs text-zinc-600 dark:text-zinc-400">path {path}</span> : null}
    </>
  )
}
