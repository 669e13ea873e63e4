'use client'

import { Monitor, Moon, Sun } from 'lucide-react'
import { useSyncExternalStore } from 'react'

import { cn } from '@/lib/cn'

import { THEME_STORAGE_KEY } from './theme-script'

type ThemeChoice = 'system' | 'light' | 'dark'

const CHANGE_EVENT = 'console-theme-change'

function readChoice(): ThemeChoice {
  const stored = localStorage.getItem(THEME_STORAGE_KEY)
  return stored === 'light' || stored === 'dark' ? stored : 'system'
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGE_EVENT, onChange)
  window.addEventListener('storage', onChange)
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange)
    window.removeEventListener('storage', onChange)
  }
}

function storeChoice(choice: ThemeChoice) {
  if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY)
  else localStorage.setItem(THEME_STORAGE_KEY, choice)
  // The head script listens for this too and re-applies the `dark` class.
  window.dispatchEvent(new Event(CHANGE_EVENT))
}

const options = [
  { choice: 'system', label: 'System theme', icon: Monitor },
  { choice: 'light', label: 'Light theme', icon: Sun },
  { choice: 'dark', label: 'Dark theme', icon: Moon },
] as const

/** Three-way theme switch (system / light / dark); the choice persists in localStorage. */
export function ThemeToggle() {
  const current = useSyncExternalStore(subscribe, readChoice, () => 'system' as ThemeChoice)
  return (
    <div
      role="group"
      aria-label="Colour theme"
      className="flex rounded-md border border-zinc-200 p-0.5 dark:border-zinc-700"
    >
      {options.map(({ choice, label, icon: Icon }) => (
        <button
          key={choice}
          type="button"
          aria-label={label}
          aria-pressed={current === choice}
          title={label}
          onClick={() => storeChoice(choice)}
          className={cn(
            'inline-flex size-7 items-center justify-center rounded text-zinc-500 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
            current === choice && 'bg-zinc-200 text-zinc-900 dark:bg-zinc-700 dark:text-zinc-100',
          )}
        >
          <Icon aria-hidden="true" className="size-4" />
        </button>
      ))}
    </div>
  )
}
