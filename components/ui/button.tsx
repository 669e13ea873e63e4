import type { ComponentProps } from 'react'

import { cn } from '@/lib/cn'

const variants = {
  primary: 'bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300',
  secondary:
    'border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800',
  ghost: 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
} as const

/** Class names of a button, for links styled as buttons too. */
export function buttonClasses(variant: keyof typeof variants = 'secondary', className?: string): string {
  return cn(
    'inline-flex items-center justify-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60',
    variants[variant],
    className,
  )
}

/** A button; `type="button"` unless told otherwise so it never submits a form by accident. */
export function Button({
  variant,
  className,
  type = 'button',
  ...props
}: ComponentProps<'button'> & { variant?: keyof typeof variants }) {
  return <button type={type} className={buttonClasses(variant, className)} {...props} />
}
