import { describe, expect, it } from 'vitest'

import { applyPatch, resolvePatchType } from './patch'

const sa = {
  metadata: { name: 'orders-api', annotations: { a: '1', 'eks.amazonaws.com/role-arn': 'arn:x' }, finalizers: ['f1'] },
  secrets: [{ name: 's1' }, { name: 's2' }],
  imagePullSecrets: [{ name: 'p1' }],
}
const pod = {
  spec: {
    containers: [
      { name: 'app', image: 'a:1', env: [{ name: 'X', value: '1' }] },
      { name: 'side', image: 's:1' },
    ],
  },
}

describe('patches', () => {
  it.each([
    ['merge: add a configmap key', 'merge', { data: { a: '1' } }, { data: { b: '2' } }, { data: { a: '1', b: '2' } }],
    ['merge: null deletes', 'merge', { data: { a: '1', b: '2' } }, { data: { a: null } }, { data: { b: '2' } }],
    ['merge: lists replace', 'merge', sa, { secrets: [{ name: 's3' }] }, { ...sa, secrets: [{ name: 's3' }] }],
    [
      'strategic: remove an annotation',
      'strategic',
      sa,
      { metadata: { annotations: { 'eks.amazonaws.com/role-arn': null } } },
      { ...sa, metadata: { ...sa.metadata, annotations: { a: '1' } } },
    ],
    [
      'strategic: secrets merge by name',
      'strategic',
      sa,
      { secrets: [{ name: 's3' }] },
      { ...sa, secrets: [{ name: 's1' }, { name: 's2' }, { name: 's3' }] },
    ],
    [
      'strategic: $patch delete in list',
      'strategic',
      sa,
      { secrets: [{ name: 's1', $patch: 'delete' }] },
      { ...sa, secrets: [{ name: 's2' }] },
    ],
    [
      'strategic: finalizers union',
      'strategic',
      sa,
      { metadata: { finalizers: ['f1', 'f2'] } },
      { ...sa, metadata: { ...sa.metadata, finalizers: ['f1', 'f2'] } },
    ],
    [
      'strategic: containers merge by name, env by name',
      'strategic',
      pod,
      { spec: { containers: [{ name: 'app', image: 'a:2', env: [{ name: 'Y', value: '2' }] }] } },
      {
        spec: {
          containers: [
            {
              name: 'app',
              image: 'a:2',
              env: [
                { name: 'X', value: '1' },
                { name: 'Y', value: '2' },
              ],
            },
            { name: 'side', image: 's:1' },
          ],
        },
      },
    ],
    [
      'strategic: $patch replace on a map',
      'strategic',
      { data: { a: '1' } },
      { data: { $patch: 'replace', b: '2' } },
      { data: { b: '2' } },
    ],
    [
      'json: add',
      'json',
      { data: { a: '1' } },
      [{ op: 'add', path: '/data/b', value: '2' }],
      { data: { a: '1', b: '2' } },
    ],
    [
      'json: remove with escaped key',
      'json',
      sa,
      [{ op: 'remove', path: '/metadata/annotations/eks.amazonaws.com~1role-arn' }],
      { ...sa, metadata: { ...sa.metadata, annotations: { a: '1' } } },
    ],
    [
      'json: replace list item',
      'json',
      sa,
      [{ op: 'replace', path: '/secrets/0', value: { name: 'z' } }],
      { ...sa, secrets: [{ name: 'z' }, { name: 's2' }] },
    ],
    [
      'json: test then move',
      'json',
      { a: 1, b: {} },
      [
        { op: 'test', path: '/a', value: 1 },
        { op: 'move', from: '/a', path: '/b/c' },
      ],
      { b: { c: 1 } },
    ],
  ] as const)('%s', (_name, type, target, patch, expected) => {
    expect(applyPatch(type, structuredClone(target), patch)).toEqual(expected)
  })

  it('does not mutate the target', () => {
    const target = structuredClone(sa)
    applyPatch('json', target, [{ op: 'remove', path: '/secrets/0' }])
    applyPatch('strategic', target, { secrets: [{ name: 's1', $patch: 'delete' }] })
    expect(target).toEqual(sa)
  })

  it.each([
    [[{ op: 'test', path: '/a', value: 2 }], 422],
    [[{ op: 'remove', path: '/nope' }], 422],
    [{ op: 'add' }, 400],
  ])('json patch failure %j → %d', (ops, code) => {
    expect(() => applyPatch('json', { a: 1 }, ops)).toThrow(expect.objectContaining({ code }))
  })

  it.each([
    ['application/merge-patch+json', 'merge'],
    ['application/strategic-merge-patch+json; charset=utf-8', 'strategic'],
    ['application/json-patch+json', 'json'],
  ])('content type %s → %s', (ct, type) => {
    expect(resolvePatchType(ct)).toBe(type)
  })

  it('rejects server-side apply with 415', () => {
    expect(() => resolvePatchType('application/apply-patch+yaml')).toThrow(expect.objectContaining({ code: 415 }))
  })
})
