import 'server-only'

import type { AccessEntryDto } from '@/lib/access/access-entry-dto'
import { loadAccessEntriesPage } from '@/lib/access/server/list-access-entries'
import { parseAwsAuth } from '@/lib/aws-auth/aws-auth-parse'
import type { AuthenticationMode, ClusterRef } from '@/lib/clusters/cluster-schemas'
import { buildAuthIndex, type AuthIndex, type EntryFacts } from '@/lib/effective-access/identity'
import { buildRbacIndex, type RbacIndex } from '@/lib/effective-access/rbac-index'
import type { RbacObjects } from '@/lib/effective-access/rbac-model'
import { getConfigMap } from '@/lib/k8s/kube-config-maps'
import { listAllNamespaceNames } from '@/lib/k8s/kube-namespaces'
import { listRbacObjects, type KubeRbacObjects } from '@/lib/k8s/kube-rbac'

/** Everything the resolver reads of one cluster, indexed, read at one moment. */
export type ClusterSnapshot = {
  ref: ClusterRef
  accountId: string | null
  authenticationMode: AuthenticationMode
  auth: AuthIndex
  rbac: RbacIndex
  namespaces: string[]
  /** What could not be read completely (shown next to every answer: the answer may then be incomplete). */
  gaps: string[]
  loadedAt: string
}

// Answers within this window reuse one snapshot: a who-can form submitted twice should not read 10,000 bindings twice.
const SNAPSHOT_TTL_MS = 15_000

function toEntryFacts(entry: AccessEntryDto): EntryFacts {
  return {
    principalArn: entry.principalArn,
    type: entry.type,
    username: entry.username,
    kubernetesGroups: entry.kubernetesGroups,
    policies: entry.policies.map((p) => ({ policyArn: p.policyArn, accessScope: p.accessScope })),
    createdAt: entry.createdAt,
  }
}

// The adapter's shapes are the resolver's: the mapping only narrows the kinds.
function toRbacObjects(objects: KubeRbacObjects): RbacObjects {
  return {
    roles: objects.roles,
    clusterRoles: objects.clusterRoles,
    roleBindings: objects.roleBindings,
    clusterRoleBindings: objects.clusterRoleBindings,
  }
}

// The access page's own loader and detail cache (lib/access/server/list-access-entries.ts): describing starts while
// later ListAccessEntries pages load, 64 entries in flight (fewer after throttling); entries the access page (or an
// earlier snapshot) described within the minute are not asked again, and the console's own writes drop theirs. It
// also reads the cluster (mode, account), so the snapshot does not call DescribeCluster a second time.
async function loadEntries(ref: ClusterRef, fresh: boolean, gaps: string[]) {
  const page = await loadAccessEntriesPage(ref.region, ref.name, { fresh })
  for (const u of page.unreadable) gaps.push(`access entry ${u.principalArn}: ${u.message}`)
  return { cluster: page.cluster, entries: page.entries.map(toEntryFacts) }
}

async function readSnapshot(ref: ClusterRef, fresh: boolean): Promise<ClusterSnapshot> {
  const gaps: string[] = []
  // In CONFIG_MAP mode the loader reads the cluster and no entries (the mode ignores them).
  const [{ cluster, entries }, configMap, rbac, namespaces] = await Promise.all([
    loadEntries(ref, fresh, gaps),
    // Read in every mode: in API mode a lingering mapping explains why a principal no longer gets in.
    getConfigMap(ref, 'kube-system', 'aws-auth'),
    listRbacObjects(ref),
    listAllNamespaceNames(ref, { max: 5_000 }),
  ])
  for (const kind of rbac.truncated) gaps.push(`${kind}: more than 50,000 objects, the rest were not read`)
  if (namespaces.truncated) gaps.push('namespaces: more than 5,000, the rest were not read')
  return {
    ref,
    accountId: cluster.accountId,
    authenticationMode: cluster.authenticationMode,
    auth: buildAuthIndex({
      authenticationMode: cluster.authenticationMode,
      accessEntries: entries,
      awsAuth: configMap ? parseAwsAuth(configMap.data ?? {}) : undefined,
    }),
    rbac: buildRbacIndex(toRbacObjects(rbac)),
    namespaces: namespaces.names,
    gaps,
    loadedAt: new Date().toISOString(),
  }
}

const cache = new Map<string, { at: number; value: Promise<ClusterSnapshot> }>()

/**
 * The cluster's snapshot: DescribeCluster (mode) and every access entry with its policies (through the access page's
 * loader and detail cache), aws-auth, every RBAC object and the namespace names, read in parallel as the console.
 * Reused for a few seconds; `fresh` reads everything again, the entries' details included.
 */
export function loadClusterSnapshot(ref: ClusterRef, options: { fresh?: boolean } = {}): Promise<ClusterSnapshot> {
  const key = `${ref.region}/${ref.name}`
  const hit = cache.get(key)
  if (!options.fresh && hit && Date.now() - hit.at < SNAPSHOT_TTL_MS) return hit.value
  const value = readSnapshot(ref, options.fresh === true)
  cache.set(key, { at: Date.now(), value })
  // A failed read is not cached: the next question tries again.
  value.catch(() => cache.delete(key))
  return value
}

/** Forgets every cached snapshot (tests). */
export function clearClusterSnapshots(): void {
  cache.clear()
}
