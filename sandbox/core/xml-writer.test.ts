import { describe, expect, it } from 'vitest'

import { escapeXml, renderXmlContent, renderXmlDocument } from './xml-writer'

describe('renderXmlContent', () => {
  it.each([
    ['text is escaped', 'a<b & "c"', 'a&lt;b &amp; &quot;c&quot;'],
    ['numbers and booleans print plainly', { N: 3600, B: false }, '<N>3600</N><B>false</B>'],
    ['arrays become <member> lists', { L: ['x', 'y'] }, '<L><member>x</member><member>y</member></L>'],
    ['absent members are omitted', { A: undefined, B: null, C: '' }, '<C></C>'],
    ['nested objects keep member order', { R: { Z: '1', A: '2' } }, '<R><Z>1</Z><A>2</A></R>'],
    ['lists of structures', { T: [{ Key: 'k', Value: 'v' }] }, '<T><member><Key>k</Key><Value>v</Value></member></T>'],
  ])('%s', (_name, value, expected) => {
    expect(renderXmlContent(value)).toBe(expected)
  })

  it('renders a document with its namespace', () => {
    const doc = renderXmlDocument('GetRoleResponse', 'https://iam.amazonaws.com/doc/2010-05-08/', { GetRoleResult: {} })
    expect(doc).toContain(
      '<GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRoleResult></GetRoleResult></GetRoleResponse>',
    )
    expect(doc.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
  })

  it("escapes apostrophes and '>'", () => {
    expect(escapeXml("it's > that")).toBe('it&apos;s &gt; that')
  })
})
