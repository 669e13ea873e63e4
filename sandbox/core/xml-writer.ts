/** A value the XML writer can render: scalars become text, objects become child elements, arrays become `<member>`s. */
export type XmlValue = string | number | boolean | undefined | null | XmlValue[] | { [element: string]: XmlValue }

/** Escapes text for XML element content (and attribute values). */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/**
 * Renders the children of one element. `undefined`/`null` members are omitted (AWS leaves out absent optional
 * members); arrays are rendered as `<member>` lists, the AWS Query convention for non-flattened lists.
 */
export function renderXmlContent(value: XmlValue): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return escapeXml(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return value.map((v) => `<member>${renderXmlContent(v)}</member>`).join('')
  return Object.entries(value)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([name, v]) => `<${name}>${renderXmlContent(v)}</${name}>`)
    .join('')
}

/** Renders a whole document: `<?xml ...?>` then one root element with an `xmlns`. */
export function renderXmlDocument(root: string, namespace: string, content: XmlValue): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${escapeXml(namespace)}">${renderXmlContent(content)}</${root}>\n`
}
