import 'server-only'

import type { V1Pod, V1ServiceAccount } from '@kubernetes/client-node'

import { parseArn } from '@/lib/access/arn'
import { isConsoleError } from '@/lib/api/console-error'
import { getRoleTrust } from '@/lib/aws/iam-roles'
import { mapLimited } from '@/lib/aws/map-limited'
import { listPodIdentityAssociations, type PodIdentityAssociationDetail } from '@/lib/aws/pod-identity'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { collectPages, listServiceAccounts } from '@/lib/k8s/kube-lists'
import { listServiceAccountPods } from '@/lib/k8s/kube-service-accounts'
import {
  evaluateMapping,
  startedBefore,
  summarizeVerdict,
  type PodFacts,
  type RoleFacts,
} from '@/lib/workload-identity/mapping-checks'
import { parseTrustPolicy } from '@/lib/workload-identity/trust-policy'
import { IRSA_ANNOTATIONS } from '@/lib/workload-identity/workload-identity-commands'
import type {
  ClusterIdentityFacts,
  IrsaDto,
  Mapping,
  WorkloadIdentity,
} from '@/lib/workload-identity/workload-identity-schemas'

import { loadClusterIdentityFacts } from './cluster-identity-facts'

const MAPPING_CONCURRENCY = 6
const PODS_PER_MAPPING = 100

/** The IRSA annotations of a service account, or null when it names no role. */
export function readIrsa(sa: V1ServiceAccount | undefined): IrsaDto | null {
  const a = sa?.metadata?.annotations ?? {}
  const roleArn = a[IRSA_ANNOTATIONS.roleArn]
  if (!roleArn) return null
  return {
    roleArn,
    audience: a[IRSA_ANNOTATIONS.audience] ?? null,
    stsRegionalEndpoints: a[IRSA_ANNOTATIONS.stsRegionalEndpoints] ?? null,
    tokenExpiration: a[IRSA_ANNOTATIONS.tokenExpiration] ?? null,
  }
}

/** Pod facts: start time and owner (for a restart command). */
export function toPodFacts(pod: V1Pod): PodFacts {
  const owner = pod.metadata?.ownerReferences?.[0]
  return {
    name: pod.metadata?.name ?? '',
    phase: pod.status?.phase ?? 'Unknown',
    startTime: pod.status?.startTime ? new Date(pod.status.startTime).toISOString() : null,
    ...(owner ? { owner: { kind: owner.kind, name: owner.name } } : {}),
  }
}

/** Reads roles once per ARN for one page load (several service accounts often share a role). */
export function createRoleReader(facts: ClusterIdentityFacts) {
  const cache = new Map<string, Promise<RoleFacts>>()
  const read = async (arn: string): Promise<RoleFacts> => {
    if (parseArn(arn)?.account !== facts.account) return { state: 'other-account' }
    try {
      const role = await getRoleTrust(facts.region, arn)
      return role ? { state: 'found', trust: parseTrustPolicy(role.trustPolicyDocument) } : { state: 'not-found' }
    } catch (error) {
      if (!isConsoleError(error)) throw error
      return { state: 'error', message: error.message }
    }
  }
  return (arn: string) => {
    let hit = cache.get(arn)
    if (!hit) cache.set(arn, (hit = read(arn)))
    return hit
  }
}

/** Builds one mapping (facts → checks → verdict); the caller has the association and service account at hand. */
export async function buildMapping(
  ref: ClusterRef,
  facts: ClusterIdentityFacts,
  input: {
    namespace: string
    serviceAccount: string
    sa: V1ServiceAccount | undefined
    association: PodIdentityAssociationDetail | undefined
    readRole: (arn: string) => Promise<RoleFacts>
  },
): Promise<Mapping> {
  const irsa = readIrsa(input.sa)
  const pia = input.association ?? null
  const [page, podIdentityRole, irsaRole] = await Promise.all([
    listServiceAccountPods(ref, input.namespace, input.serviceAccount, PODS_PER_MAPPING),
    pia ? input.readRole(pia.roleArn) : Promise.resolve(undefined),
    irsa ? input.readRole(irsa.roleArn) : Promise.resolve(undefined),
  ])
  const pods = page.items.map(toPodFacts)
  const podIdentity = pia ? (({ namespace: _n, serviceAccount: _s, ...rest }) => rest)(pia) : null
  const checks = evaluateMapping({
    cluster: facts,
    namespace: input.namespace,
    serviceAccount: input.serviceAccount,
    serviceAccountExists: input.sa !== undefined,
    podIdentity,
    irsa,
    podIdentityRole,
    irsaRole,
    pods,
  })
  return {
    namespace: input.namespace,
    serviceAccount: input.serviceAccount,
    serviceAccountExists: input.sa !== undefined,
    mechanism: podIdentity && irsa ? 'both' : podIdentity ? 'pod-identity' : 'irsa',
    podIdentity,
    irsa,
    effectiveRoleArn: podIdentity?.roleArn ?? irsa?.roleArn ?? '',
    pods: pods.map((p) => ({
      name: p.name,
      phase: p.phase,
      startTime: p.startTime,
      startedBeforeAssociation: startedBefore(p, podIdentity?.createdAt ?? null),
    })),
    podsTruncated: page.continue !== undefined,
    checks,
    verdict: summarizeVerdict(checks),
  }
}

const key = (namespace: string, name: string) => `${namespace}/${name}`

/**
 * Every service account with an IAM role on a cluster, by either mechanism: Pod Identity associations (List +
 * Describe) and IRSA annotations (all service accounts), each with its pods, checks and verdict.
 */
export async function loadWorkloadIdentity(ref: ClusterRef): Promise<WorkloadIdentity> {
  const facts = await loadClusterIdentityFacts(ref)
  const [associations, accounts] = await Promise.all([
    listPodIdentityAssociations({ region: ref.region, cluster: ref.name }),
    collectPages((page) => listServiceAccounts(ref, undefined, page), 20_000),
  ])
  const byKey = new Map(accounts.items.map((sa) => [key(sa.metadata?.namespace ?? '', sa.metadata?.name ?? ''), sa]))
  const piaByKey = new Map(associations.map((a) => [key(a.namespace, a.serviceAccount), a]))
  const keys = new Set([...piaByKey.keys(), ...[...byKey].filter(([, sa]) => readIrsa(sa)).map(([k]) => k)])
  const readRole = createRoleReader(facts)
  const mappings = await mapLimited([...keys].sort(), MAPPING_CONCURRENCY, (k) => {
    const [namespace = '', serviceAccount = ''] = k.split('/')
    return buildMapping(ref, facts, {
      namespace,
      serviceAccount,
      sa: byKey.get(k),
      association: piaByKey.get(k),
      readRole,
    })
  })
  return { cluster: facts, mappings }
}
