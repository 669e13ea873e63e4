import type { UseFormRegisterReturn } from 'react-hook-form'

/** The association's "Disable session tags" checkbox with what it means, shared by the create and edit dialogs. */
export function SessionTagsField({
  id,
  registration,
}: {
  id: string
  registration: UseFormRegisterReturn<'disableSessionTags'>
}) {
  return (
    <div className="space-y-1">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" aria-describedby={`${id}-hint`} {...registration} />
        Disable session tags
      </label>
      <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
        EKS then does not tag the session with the cluster, namespace and service account.
      </p>
    </div>
  )
}
