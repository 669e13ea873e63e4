// Legacy discovery documents (/api, /api/v1, /apis, /apis/<g>/<v>) and /version. Clients that ask for aggregated
// discovery (apidiscovery.k8s.io/v2) accept plain application/json legacy documents: they check the response
// content type and fall back (docs/kubernetes-rbac.md#discovery).
import { formatApiVersion, RESOURCES, type ResourceDef } from './resources'

/** The /version document; kubectl's dispatcher picks its client minor from gitVersion. */
export function buildVersionInfo(gitVersion: string): Record<string, string> {
  const m = /^v(\d+)\.(\d+)/.exec(gitVersion)
  return {
    major: m?.[1] ?? '1',
    minor: m?.[2] ?? '32',
    gitVersion,
    gitCommit: 'a2fbd4ab0d3bd5e0b3a8ee43a3ee3f3e5f06c5a8',
    gitTreeState: 'clean',
    buildDate: '2025-10-01T18:24:11Z',
    goVersion: 'go1.24.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  }
}

function listGroupVersions(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>()
  for (const r of RESOURCES)
    if (r.group !== '') seen.set(`${r.group}/${r.version}`, { group: r.group, version: r.version })
  return [...seen.values()]
}

/** GET /api */
export function buildCoreApiVersions(): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [
      { clientCIDR: '0.0.0.0/0', serverAddress: 'ip-172-16-61-201.us-west-2.compute.internal:443' },
    ],
  }
}

function buildGroup(group: string): Record<string, unknown> {
  const versions = listGroupVersions()
    .filter((gv) => gv.group === group)
    .map((gv) => ({ groupVersion: `${gv.group}/${gv.version}`, version: gv.version }))
  return { name: group, versions, preferredVersion: versions[0] }
}

/** GET /apis */
export function buildApiGroupList(): Record<string, unknown> {
  const groups = [...new Set(listGroupVersions().map((gv) => gv.group))]
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map(buildGroup) }
}

/** GET /apis/<group>, or undefined when the group is not served. */
export function buildApiGroup(group: string): Record<string, unknown> | undefined {
  if (!listGroupVersions().some((gv) => gv.group === group)) return undefined
  return { kind: 'APIGroup', apiVersion: 'v1', ...buildGroup(group) }
}

function buildApiResource(r: ResourceDef): Record<string, unknown> {
  const res: Record<string, unknown> = {
    name: r.resource,
    singularName: r.singular,
    namespaced: r.namespaced,
    kind: r.kind,
    verbs: r.verbs,
  }
  if (r.shortNames && r.shortNames.length > 0) res.shortNames = r.shortNames
  if (r.resource === 'pods') res.categories = ['all']
  if (r.categories) res.categories = r.categories
  return res
}

/** GET /api/v1 or /apis/<group>/<version>, or undefined when the group version is not served. */
export function buildApiResourceList(group: string, version: string): Record<string, unknown> | undefined {
  const resources = RESOURCES.filter((r) => r.group === group && r.version === version)
  if (resources.length === 0) return undefined
  const list = resources.map(buildApiResource)
  // Subresources are listed as `pods/log`-style entries; kubectl uses them to know what exists.
  if (group === '' && version === 'v1')
    list.push({ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] })
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: formatApiVersion({ group, version }),
    resources: list,
  }
}
