'use client'

import { Plus, Trash2 } from 'lucide-react'
import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form'
import type { z } from 'zod'

import { Button } from '@/components/ui/button'
import { inputClasses } from '@/components/ui/form-field'
import type { associateIdentityProviderSchema } from '@/lib/identity-providers/identity-provider-schema'

type Input = z.input<typeof associateIdentityProviderSchema>

/** Rows of key = value for required claims or tags, each with its own errors, added and removed by button. */
export function KeyValueRows({
  name,
  legend,
  hint,
  control,
  register,
  errors,
}: {
  name: 'requiredClaims' | 'tags'
  legend: string
  hint: string
  control: Control<Input, unknown, unknown>
  register: UseFormRegister<Input>
  errors: FieldErrors<Input>
}) {
  const { fields, append, remove } = useFieldArray({ control, name })
  const rowErrors = errors[name]
  const listError = rowErrors?.message ?? rowErrors?.root?.message
  return (
    <fieldset className="space-y-2" aria-describedby={`${name}-hint`}>
      <legend className="text-sm font-medium">{legend}</legend>
      <p id={`${name}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
        {hint}
      </p>
      {fields.map((field, i) => {
        const keyError = rowErrors?.[i]?.key?.message
        const valueError = rowErrors?.[i]?.value?.message
        return (
          <div key={field.id} className="space-y-1">
            <div className="flex items-center gap-2">
              <input
                aria-label={`${legend} ${i + 1} key`}
                aria-invalid={keyError ? true : undefined}
                className={inputClasses(!!keyError, 'font-mono')}
                spellCheck={false}
                {...register(`${name}.${i}.key`)}
              />
              <span aria-hidden="true">=</span>
              <input
                aria-label={`${legend} ${i + 1} value`}
                aria-invalid={valueError ? true : undefined}
                className={inputClasses(!!valueError, 'font-mono')}
                spellCheck={false}
                {...register(`${name}.${i}.value`)}
              />
              <Button aria-label={`Remove ${legend.toLowerCase()} ${i + 1}`} onClick={() => remove(i)}>
                <Trash2 aria-hidden="true" className="size-4" />
              </Button>
            </div>
            {keyError || valueError ? (
              <p className="text-xs font-medium text-red-700 dark:text-red-400">{keyError ?? valueError}</p>
            ) : null}
          </div>
        )
      })}
      {listError ? <p className="text-xs font-medium text-red-700 dark:text-red-400">{listError}</p> : null}
      <Button onClick={() => append({ key: '', value: '' })}>
        <Plus aria-hidden="true" className="size-4" /> Add {legend.toLowerCase().replace(/s$/, '')}
      </Button>
    </fieldset>
  )
}
