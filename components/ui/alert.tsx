import { AlertTriangle, Info, XCircle } from 'lucide-react'
import type { ReactNode } from 'react'

import { cn } from '@/lib/cn'

const variants = {
  error: {
    icon: XCircle,
    box: 'border-red-300 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200',
  },
  warning: {
    icon: AlertTriangle,
    box: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-200',
  },
  info: {
    icon: Info,
    box: 'border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-900 dark:bg-sky-950/60 dark:text-sky-200',
  },
} as const

/** A boxed message with a title; errors are announced (`role="alert"`), others are a polite status. */
export function Alert({
  variant,
  title,
  children,
  action,
}: {
  variant: keyof typeof variants
  title: string
  children?: ReactNode
  action?: ReactNode
}) {
  const { icon: Icon, box } = variants[variant]
  return (
    <div
      role={variant === 'error' ? 'alert' : 'status'}
      className={cn('flex gap-3 rounded-lg border p-4 text-sm', box)}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="font-semibold">{title}</p>
        {children ? <div className="break-words">{children}</div> : null}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  )
}
