/** A form-level error (one no field owns), announced with `role="alert"`; renders nothing without a message. */
export function FormError({ message }: { message: string | undefined }) {
  return message ? (
    <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
      {message}
    </p>
  ) : null
}
