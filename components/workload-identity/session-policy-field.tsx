import type { FieldValues, Path } from 'react-hook-form'

import { TextAreaField, type FieldForm } from '@/components/ui/text-field'

const HINT = 'Narrows what the pod may do with the role. Needs session tags turned off.'
const PLACEHOLDER =
  '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }]\n}'

/** The association's inline session policy (JSON), shared by the create and edit dialogs. */
export function SessionPolicyField<T extends FieldValues & { policy?: string }>({
  id,
  form,
}: {
  id: string
  /** A form with a `policy` field. */
  form: FieldForm<T>
}) {
  return (
    <TextAreaField
      form={form}
      name={'policy' as Path<T>}
      id={id}
      label="Session policy (optional)"
      hint={HINT}
      rows={8}
      spellCheck={false}
      placeholder={PLACEHOLDER}
      inputClassName="font-mono text-xs"
    />
  )
}
