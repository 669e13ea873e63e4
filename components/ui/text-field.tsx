'use client'

import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'
import {
  get,
  type FieldValues,
  type Path,
  type RegisterOptions,
  type UseFormRegister,
  type UseFormStateReturn,
} from 'react-hook-form'

import { fieldIds, FormField, inputClasses } from './form-field'

/** What a field needs from `useForm()`: pass the whole form, or `{ register, formState }`. */
export type FieldForm<T extends FieldValues> = {
  register: UseFormRegister<T>
  formState: Pick<UseFormStateReturn<T>, 'errors'>
}

type FieldProps<T extends FieldValues> = {
  form: FieldForm<T>
  name: Path<T>
  /** The control's id; the hint and error get `${id}-hint` and `${id}-error`. */
  id: string
  label: ReactNode
  hint?: ReactNode
  warning?: ReactNode
  /** Shown while the field has no validation error of its own, e.g. when its choices could not be loaded. */
  error?: string
  registerOptions?: RegisterOptions<T, Path<T>>
  /** Classes for the wrapper; `inputClassName` adds to the control's. */
  className?: string
  inputClassName?: string
}

type Omitted = 'id' | 'name' | 'form' | 'className'

/** The field's message: its validation error at `name` (a nested path like `a.0.b` too), else the given one. */
function wireField<T extends FieldValues>(props: FieldProps<T>) {
  const { form, name, id, hint, registerOptions, inputClassName } = props
  const message = (get(form.formState.errors, name) as { message?: string } | undefined)?.message ?? props.error
  return {
    message,
    control: {
      ...fieldIds(id, message, hint),
      className: inputClasses(!!message, inputClassName),
      ...form.register(name, registerOptions),
    },
  }
}

function Wrapper<T extends FieldValues>(props: FieldProps<T> & { message?: string; children: ReactNode }) {
  return (
    <FormField
      id={props.id}
      label={props.label}
      hint={props.hint}
      warning={props.warning}
      error={props.message}
      className={props.className}
    >
      {props.children}
    </FormField>
  )
}

function split<T extends FieldValues, R extends object>(props: FieldProps<T> & R) {
  const { form, name, id, label, hint, warning, error, registerOptions, className, inputClassName, ...rest } = props
  return {
    field: { form, name, id, label, hint, warning, error, registerOptions, className, inputClassName },
    rest,
  }
}

/**
 * A registered text input with its label, hint, warning and error, linked through `aria-describedby`: the form and
 * the field name are all it needs, so the id, error and hint are written once.
 */
export function TextField<T extends FieldValues>(
  props: FieldProps<T> & Omit<InputHTMLAttributes<HTMLInputElement>, Omitted>,
) {
  const { field, rest } = split(props)
  const { message, control } = wireField(field)
  return (
    <Wrapper {...field} message={message}>
      <input {...rest} {...control} />
    </Wrapper>
  )
}

/** {@link TextField} for a `<select>`; the options are its children. */
export function SelectField<T extends FieldValues>(
  props: FieldProps<T> & Omit<SelectHTMLAttributes<HTMLSelectElement>, Omitted> & { children: ReactNode },
) {
  const { field, rest } = split(props)
  const { message, control } = wireField(field)
  return (
    <Wrapper {...field} message={message}>
      <select {...rest} {...control} />
    </Wrapper>
  )
}

/** {@link TextField} for a `<textarea>`. */
export function TextAreaField<T extends FieldValues>(
  props: FieldProps<T> & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Omitted>,
) {
  const { field, rest } = split(props)
  const { message, control } = wireField(field)
  return (
    <Wrapper {...field} message={message}>
      <textarea {...rest} {...control} />
    </Wrapper>
  )
}
