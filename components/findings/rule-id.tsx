import { Fragment } from 'react'

/**
 * A rule id (`eks_modify_aws_auth`, `KSV-pods-exec`) with a line-break opportunity after each `_` and `-`, so a narrow
 * column wraps it between words instead of mid-word (the cell's break-words stays a last resort for a long word).
 */
export function RuleId({ id }: { id: string }) {
  const parts = id.split(/(?<=[-_])/)
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 ? <wbr /> : null}
        </Fragment>
      ))}
    </>
  )
}
