'use client'

import { useState, type ReactNode } from 'react'

import { Button } from './button'
import { Dialog } from './dialog'
import { FormError } from './form-error'
import { fieldIds, FormField, inputClasses } from './form-field'

/**
 * Confirms a destructive action, naming what will be lost. With `typeToConfirm`, the action stays disabled until the
 * person types that exact text (used for changes that could lock everyone out).
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  children,
  confirmLabel,
  onConfirm,
  pending,
  error,
  typeToConfirm,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  children: ReactNode
  confirmLabel: string
  onConfirm: (typed: string | undefined) => void
  pending?: boolean
  error?: string
  typeToConfirm?: { text: string; label: ReactNode }
}) {
  const [typed, setTyped] = useState('')
  const blocked = typeToConfirm !== undefined && typed !== typeToConfirm.text
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setTyped('')
        onOpenChange(next)
      }}
      title={title}
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault()
          if (!blocked) onConfirm(typeToConfirm ? typed : undefined)
        }}
      >
        <div className="space-y-2 text-sm">{children}</div>
        {typeToConfirm ? (
          <FormField id="confirm-text" label={typeToConfirm.label}>
            <input
              {...fieldIds('confirm-text')}
              className={inputClasses()}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </FormField>
        ) : null}
        <FormError message={error} />
        <div className="flex justify-end gap-2">
          <Button onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button
            type="submit"
            disabled={pending || blocked}
            className="bg-red-600 text-white hover:bg-red-700 dark:bg-red-600 dark:text-white dark:hover:bg-red-500"
          >
            {pending ? 'Working…' : confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
