// Just enough OpenAPI v3 for kubectl: `apply`/`create -f` ask /openapi/v3 whether each kind's PATCH accepts the
// `fieldValidation` query parameter (kubectl's QueryParamVerifierV3). Saying yes makes kubectl rely on server-side
// field validation instead of downloading full schemas; the sandbox accepts the parameter and ignores it.
import { formatApiVersion, RESOURCES } from './resources'

function listGroupVersionPaths(): Map<string, { group: string; version: string }> {
  const out = new Map<string, { group: string; version: string }>()
  for (const r of RESOURCES)
    out.set(r.group === '' ? `api/${r.version}` : `apis/${r.group}/${r.version}`, {
      group: r.group,
      version: r.version,
    })
  return out
}

/** GET /openapi/v3: the discovery document naming one spec per group version. */
export function buildOpenApiV3Root(hash: string): Record<string, unknown> {
  const paths: Record<string, { serverRelativeURL: string }> = {}
  for (const gvPath of listGroupVersionPaths().keys())
    paths[gvPath] = { serverRelativeURL: `/openapi/v3/${gvPath}?hash=${hash}` }
  return { paths }
}

/** GET /openapi/v3/<gv path>: a PATCH operation per kind, tagged with its GVK and the fieldValidation parameter. */
export function buildOpenApiV3GroupVersion(gvPath: string, serverVersion: string): Record<string, unknown> | undefined {
  const gv = listGroupVersionPaths().get(gvPath)
  if (!gv) return undefined
  const paths: Record<string, unknown> = {}
  const schemas: Record<string, unknown> = {}
  for (const r of RESOURCES.filter((x) => x.group === gv.group && x.version === gv.version)) {
    const gvk = [{ group: r.group, version: r.version, kind: r.kind }]
    const scope = r.namespaced ? '/namespaces/{namespace}' : ''
    paths[`/${gvPath}${scope}/${r.resource}/{name}`] = {
      patch: {
        operationId: `patch${r.kind}`,
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': gvk[0],
        parameters: ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({
          name,
          in: 'query',
          schema: { type: name === 'force' ? 'boolean' : 'string' },
          uniqueItems: true,
        })),
        responses: { '200': { description: 'OK' } },
      },
    }
    // Open schemas: the sandbox does not describe fields, it accepts any JSON object of the kind.
    schemas[`sandbox.${formatApiVersion(r).replace('/', '.')}.${r.kind}`] = {
      type: 'object',
      'x-kubernetes-group-version-kind': gvk,
      'x-kubernetes-preserve-unknown-fields': true,
    }
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: serverVersion }, paths, components: { schemas } }
}
