'use client'

import { TextField, type FieldForm } from '@/components/ui/text-field'
import type { KubeconfigOptions } from '@/lib/kubeconfig/kubeconfig-options'

const fields: { name: keyof KubeconfigOptions; label: string; hint: string; placeholder: string }[] = [
  {
    name: 'roleArn',
    label: 'IAM role ARN',
    hint: 'kubectl assumes this role to get its token (--role-arn). Leave empty to use your own credentials.',
    placeholder: 'arn:aws:iam::111122223333:role/eks-developer',
  },
  {
    name: 'profile',
    label: 'AWS profile',
    hint: 'Sets AWS_PROFILE for the token command, a profile in your ~/.aws/config.',
    placeholder: 'default',
  },
  {
    name: 'alias',
    label: 'Context name',
    hint: 'The kubectl context (--alias). Defaults to the user name.',
    placeholder: 'Cluster ARN',
  },
  {
    name: 'userAlias',
    label: 'User name',
    hint: 'The kubeconfig user entry (--user-alias). Defaults to the cluster ARN.',
    placeholder: 'Cluster ARN',
  },
]

/** The four `aws eks update-kubeconfig` options, each with its hint and inline error (aria-describedby). */
export function KubeconfigOptionsForm({ form }: { form: FieldForm<KubeconfigOptions> }) {
  return (
    <form noValidate onSubmit={(event) => event.preventDefault()} className="space-y-4">
      {fields.map(({ name, label, hint, placeholder }) => (
        <TextField
          key={name}
          form={form}
          name={name}
          id={`kubeconfig-${name}`}
          label={
            <>
              {label} <span className="font-normal text-zinc-500 dark:text-zinc-400">(optional)</span>
            </>
          }
          hint={hint}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          inputClassName="font-mono placeholder:font-sans placeholder:text-zinc-400 dark:placeholder:text-zinc-500"
        />
      ))}
    </form>
  )
}
