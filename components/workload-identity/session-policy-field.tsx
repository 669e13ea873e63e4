import type { UseFormRegisterReturn } from 'react-hook-form'

import { fieldIds, FormField, inputClasses } from '@/components/ui/form-field'

const HINT = 'Narrows what the pod may do with the role. Needs session tags turned off.'
const PLACEHOLDER =
  '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }]\n}'

/** The association's inline session policy (JSON), shared by the create and edit dialogs. */
export function SessionPolicyField({
  id,
  error,
  registration,
}: {
  id: string
  error?: string
  registration: UseFormRegisterReturn<'policy'>
}) {
  return (
    <FormField id={id} label="Session policy (optional)" error={error} hint={HINT}>
      <textarea
        {...fieldIds(id, error, true)}
        rows={8}
        spellCheck={false}
        placeholder={PLACEHOLDER}
        className={inputClasses(!!error, 'font-mono text-xs')}
        {...registration}
      />
    </FormField>
  )
}
