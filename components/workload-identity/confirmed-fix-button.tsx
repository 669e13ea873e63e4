'use client'

import { useState, type ReactNode } from 'react'

import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { DialogFooter } from '@/components/ui/dialog-footer'

/** The state of the write a fix runs (a TanStack mutation fits). */
type FixMutation = { isPending: boolean; error: Error | null; reset: () => void }

/**
 * A check's one-click fix: the button opens a confirmation that says what changes and shows the equivalent AWS CLI
 * command; the action runs `apply`, which calls `done` on success to close the dialog. `problem` (e.g. an audience IAM
 * would refuse) disables the action and is shown instead of the write's error.
 */
export function ConfirmedFixButton({
  label,
  title,
  description,
  command,
  actionLabel,
  pendingLabel,
  mutation,
  apply,
  problem,
}: {
  label: ReactNode
  title: string
  description: string
  command: string
  actionLabel: string
  pendingLabel: string
  mutation: FixMutation
  apply: (done: () => void) => void
  problem?: string
}) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next)
          if (!next) mutation.reset()
        }}
        title={title}
        description={description}
        wide
      >
        <div className="space-y-4">
          <DialogFooter
            command={{ label: 'Equivalent AWS CLI command', code: command }}
            error={problem ?? mutation.error?.message}
            onCancel={() => setOpen(false)}
            actionLabel={actionLabel}
            pendingLabel={pendingLabel}
            pending={mutation.isPending}
            disabled={problem !== undefined}
            onAction={() => apply(() => setOpen(false))}
          />
        </div>
      </Dialog>
    </>
  )
}
