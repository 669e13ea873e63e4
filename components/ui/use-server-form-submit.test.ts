import { describe, expect, it } from 'vitest'

import { ApiError } from '@/lib/api/api-error'

import { applyServerIssues } from './use-server-form-submit'

const issue = (path: (string | number)[], message: string) => ({ path, message })
const rejected = (...issues: ReturnType<typeof issue>[]) =>
  new ApiError(422, 'validation_failed', 'The request is not valid.', issues)

describe('applyServerIssues', () => {
  it.each([
    {
      name: 'puts an issue on the field it names',
      error: rejected(issue(['roleArn'], 'No such role.')),
      placed: [['roleArn', 'No such role.']],
      formError: undefined,
    },
    {
      name: 'puts a nested issue on its full path under a known field',
      error: rejected(issue(['kubernetesGroups', 1], 'Reserved group.')),
      placed: [['kubernetesGroups.1', 'Reserved group.']],
      formError: undefined,
    },
    {
      name: 'keeps an issue on a field the form lacks as the form-level message',
      error: rejected(issue(['confirmClusterName'], 'Type the cluster name.')),
      placed: [],
      formError: 'The request is not valid.',
    },
    {
      name: 'does not match a field that merely shares a prefix',
      error: rejected(issue(['roleArnSuffix'], 'x')),
      placed: [],
      formError: 'The request is not valid.',
    },
    {
      name: 'returns the message of an error that is not an API answer',
      error: new Error('Failed to fetch'),
      placed: [],
      formError: 'Failed to fetch',
    },
  ])('$name', ({ error, placed, formError }) => {
    const set: [string, string | undefined][] = []
    const result = applyServerIssues(error, (path, e) => set.push([path, e.message]), ['roleArn', 'kubernetesGroups'])
    expect(set).toEqual(placed)
    expect(result).toBe(formError)
  })
})
