import { Button } from './button'
import { CodeBlock } from './code-block'
import { FormError } from './form-error'

/**
 * The end of a dialog that changes something: the equivalent command, the form-level error, then Cancel and the
 * primary action, which is disabled and relabelled while `pending`. The action submits the surrounding form unless
 * `onAction` is given.
 */
export function DialogFooter({
  command,
  error,
  onCancel,
  cancelLabel = 'Cancel',
  actionLabel,
  pendingLabel,
  pending,
  disabled,
  onAction,
}: {
  command?: { label: string; code: string }
  error: string | undefined
  onCancel: () => void
  cancelLabel?: string
  actionLabel: string
  pendingLabel: string
  pending: boolean
  disabled?: boolean
  onAction?: () => void
}) {
  return (
    <>
      {command ? <CodeBlock label={command.label} code={command.code} /> : null}
      <FormError message={error} />
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>{cancelLabel}</Button>
        <Button
          type={onAction ? 'button' : 'submit'}
          variant="primary"
          disabled={pending || disabled}
          onClick={onAction}
        >
          {pending ? pendingLabel : actionLabel}
        </Button>
      </div>
    </>
  )
}
