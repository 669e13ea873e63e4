'use client'

import type { FieldErrors, UseFormRegister } from 'react-hook-form'

import type { KubeconfigOptions } from '@/lib/kubeconfig/kubeconfig-options'

const inputClass =
  'mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm shadow-sm placeholder:font-sans placeholder:text-zinc-400 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-950 dark:placeholder:text-zinc-500'

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
export function KubeconfigOptionsForm({
  register,
  errors,
}: {
  register: UseFormRegister<KubeconfigOptions>
  errors: FieldErrors<KubeconfigOptions>
}) {
  return (
    <form noValidate onSubmit={(event) => event.preventDefault()} className="space-y-4">
      {fields.map(({ name, label, hint, placeholder }) => {
        const error = errors[name]?.message
        return (
          <div key={name}>
            <label htmlFor={`kubeconfig-${name}`} className="block text-sm font-medium">
              {label} <span className="font-normal text-zinc-500 dark:text-zinc-400">(optional)</span>
            </label>
            <input
              id={`kubeconfig-${name}`}
              autoComplete="off"
              spellCheck={false}
              placeholder={placeholder}
              aria-invalid={error ? true : undefined}
              aria-describedby={`kubeconfig-${name}-hint${error ? ` kubeconfig-${name}-error` : ''}`}
              className={inputClass}
              {...register(name)}
            />
            <p id={`kubeconfig-${name}-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              {hint}
            </p>
            {error ? (
              <p id={`kubeconfig-${name}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
                {error}
              </p>
            ) : null}
          </div>
        )
      })}
    </form>
  )
}
