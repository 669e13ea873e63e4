'use client'

import dynamic from 'next/dynamic'
import type { ReactNode } from 'react'

export type DialogProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: ReactNode
  children: ReactNode
  wide?: boolean
}

// Radix's dialog (focus trap, portal, dismissable layer: ~13 kB gzip) loads the first time a dialog opens, not with
// every page that has a button opening one (docs/client-bundle.md).
const ModalDialog = dynamic(() => import('./modal-dialog').then((m) => m.ModalDialog))

/**
 * A modal dialog (Radix: focus trap, Escape, aria-labelledby/-describedby). `title` names it for screen readers;
 * `description` is its first paragraph. Nothing is rendered (or loaded) while it is closed.
 */
export function Dialog(props: DialogProps) {
  return props.open ? <ModalDialog {...props} /> : null
}
