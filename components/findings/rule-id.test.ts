// Rule ids like `eks_modify_aws_auth` break only after their separators in a narrow column, never mid-word.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { RuleId } from './rule-id'

describe('RuleId', () => {
  it.each([
    ['eks_modify_aws_auth', 'eks_<wbr/>modify_<wbr/>aws_<wbr/>auth'],
    ['KSV-pods-exec', 'KSV-<wbr/>pods-<wbr/>exec'],
    ['single', 'single'],
    ['trailing_', 'trailing_'],
  ])('%s → %s', (id, html) => {
    expect(renderToStaticMarkup(createElement(RuleId, { id }))).toBe(html)
  })
})
