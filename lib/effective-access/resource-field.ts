// Zod-free, so the who-can page can split its field without loading the schemas (docs/client-bundle.md).

/** The form's Resource field as the query's `resource` or `nonResourceURL` (the other one left out). */
export function splitResourceField(resource: string | undefined): { resource?: string; nonResourceURL?: string } {
  const value = resource?.trim()
  if (!value) return {}
  return value.startsWith('/') ? { nonResourceURL: value } : { resource: value }
}
