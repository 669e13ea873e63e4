import { describe, expect, it } from 'vitest'

import { readQuestion, readView, writeQuestion } from './effective-access-url'

describe('effective-access URL state', () => {
  it('reads the view, defaulting to the principal view for anything unknown', () => {
    expect(readView(new URLSearchParams('view=who-can'))).toBe('who-can')
    expect(readView(new URLSearchParams('view=nope'))).toBe('principal')
    expect(readView(new URLSearchParams(''))).toBe('principal')
  })

  it('round-trips a question, dropping empty and unknown keys', () => {
    const search = writeQuestion('who-can', { verb: 'delete', resource: 'pods/exec', namespace: ' ', name: undefined })
    expect(search).toBe('?view=who-can&verb=delete&resource=pods%2Fexec')
    const params = new URLSearchParams(search)
    expect(readQuestion(params, ['verb', 'resource', 'namespace'])).toEqual({ verb: 'delete', resource: 'pods/exec' })
  })
})
