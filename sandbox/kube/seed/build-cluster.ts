// Turns a declarative cluster seed (namespaces, node groups, workloads, service accounts, bindings, aws-auth) into a
// populated ClusterStore. Deterministic: names, UIDs, IPs and ages derive from the cluster and object names.
import { computeAggregatedRules } from '../aggregation'
import { ClusterStore } from '../cluster-store'
import { buildStorageKey } from '../resources'
import type { KubeObject } from '../types'
import { buildNode } from './build-node'
import { buildPod, type PodState } from './build-pod'
import { buildPodEvents } from './build-pod-events'
import { buildWorkloadObjects } from './build-workloads'
import { buildBinding, buildDefaultClusterRoleBindings, buildDefaultClusterRoles } from './default-rbac'
import type { ExtraRbac } from './demo-rbac'
import { buildPodLabels, buildPodName, templateHashOf } from './pod-naming'
import { buildStableUid, formatSeedTime } from './seed-random'
import { buildSecret, type SecretSeed } from './seed-secrets'

export interface NodeGroupSeed {
  /** Managed node group name, or Auto Mode node pool when `autoMode`. */
  name: string
  autoMode?: boolean
  capacityType?: 'ON_DEMAND' | 'SPOT'
  instanceTypes: string[]
  count: number
}

export interface WorkloadSeed {
  namespace: string
  name: string
  kind: 'Deployment' | 'Job' | 'DaemonSet' | 'StatefulSet'
  image: string
  serviceAccount?: string
  /** One state per replica (DaemonSets: ignored, one Running pod per node). */
  states: PodState[]
  restarts?: number
  ageDays: number
}

export interface ClusterSeed {
  region: string
  /** e.g. `v1.33.5-eks-3cfe0ce`: /version and the kubelets report it. */
  gitVersion: string
  namespaces: string[]
  nodeGroups: NodeGroupSeed[]
  workloads: WorkloadSeed[]
  serviceAccounts: { namespace: string; name: string; annotations?: Record<string, string> }[]
  roleBindings: { namespace: string; name: string; clusterRole: string; groups: string[] }[]
  clusterRoleBindings?: { name: string; clusterRole: string; groups: string[] }[]
  configMaps?: { namespace: string; name: string; data: Record<string, string> }[]
  secrets?: SecretSeed[]
  /** Roles and bindings beyond the team bindings (demo-rbac.ts). */
  extraRbac?: ExtraRbac
}

/** The bootstrap ClusterRoles plus the seed's, with every aggregated role's rules as the controller would write them. */
function buildClusterRoles(extra: readonly KubeObject[]): KubeObject[] {
  const roles = [...buildDefaultClusterRoles(), ...extra]
  const aggregated = computeAggregatedRules(roles as never[])
  for (const role of roles) if (role.aggregationRule) role.rules = aggregated.get(role.metadata.name) ?? []
  return roles
}

const ZONES = ['a', 'b', 'c']
const CORE = (resource: string) => buildStorageKey('', resource)
const RBAC = (resource: string) => buildStorageKey('rbac.authorization.k8s.io', resource)

function buildNamespace(name: string, ageMinutes: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      uid: buildStableUid(`ns/${name}`),
      creationTimestamp: formatSeedTime(ageMinutes),
      labels: { 'kubernetes.io/metadata.name': name },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }
}

/**
 * Node `i` of a group: the first twenty a day apart (20 days old down to 1), later ones in rounds of twenty a few
 * minutes younger each round, so a 5,000-node group still has only past creation times.
 */
function nodeAgeMinutes(i: number): number {
  return Math.max(45, 60 * 24 * (20 - (i % 20)) - Math.floor(i / 20) * 11)
}

/** Builds every object of a seeded cluster into a fresh store. */
export function buildClusterStore(seed: ClusterSeed): ClusterStore {
  const kubelet = seed.gitVersion
  const nodes: KubeObject[] = []
  let ipIndex = 0
  for (const g of seed.nodeGroups) {
    for (let i = 0; i < g.count; i++) {
      nodes.push(
        buildNode({
          region: seed.region,
          zone: `${seed.region}${ZONES[i % ZONES.length]}`,
          instanceType: g.instanceTypes[i % g.instanceTypes.length] ?? 'm5.large',
          ipIndex: ipIndex++,
          ageMinutes: nodeAgeMinutes(i),
          kubeletVersion: kubelet,
          ...(g.autoMode
            ? { nodePool: g.name }
            : { nodegroup: { name: g.name, capacityType: g.capacityType ?? 'ON_DEMAND' } }),
        }),
      )
    }
  }
  const schedulable = nodes.filter((n) => !(n.spec as { taints?: unknown[] }).taints?.length)
  const pods: KubeObject[] = []
  const events: KubeObject[] = []
  let podIndex = 0
  for (const w of seed.workloads) {
    const templateHash = templateHashOf(w)
    const targets =
      w.kind === 'DaemonSet'
        ? nodes.map((n, i) => ({ state: 'Running' as PodState, node: n, i }))
        : w.states.map((state, i) => ({
            state,
            node: schedulable[(podIndex + i) % Math.max(1, schedulable.length)] ?? nodes[0],
            i,
          }))
    for (const t of targets) {
      podIndex++
      const nodeIp = (t.node?.status as { addresses?: { address: string }[] } | undefined)?.addresses?.[0]?.address
      const input = {
        namespace: w.namespace,
        name: buildPodName(w, templateHash, t.i, t.node?.metadata.name),
        state: t.state,
        image: w.image,
        nodeName: t.node?.metadata.name,
        serviceAccountName: w.serviceAccount,
        labels: buildPodLabels(w, templateHash),
        restarts:
          t.state === 'CrashLoopBackOff' || t.state === 'OOMKilled'
            ? (w.restarts ?? 17)
            : t.state === 'Running'
              ? t.i === 1
                ? 1
                : 0
              : 0,
        ageMinutes: 60 * 24 * w.ageDays - t.i * 7,
        hostIP: nodeIp,
        clusterNodeCount: nodes.length,
        podIP: w.kind === 'DaemonSet' ? nodeIp : `10.0.${64 + Math.floor(podIndex / 250)}.${(podIndex % 250) + 4}`,
        owner: {
          kind: w.kind === 'Deployment' ? 'ReplicaSet' : w.kind,
          name: w.kind === 'Deployment' ? `${w.name}-${templateHash}` : w.name,
        },
      }
      const pod = buildPod(input)
      pods.push(pod)
      events.push(...buildPodEvents(pod, input))
    }
  }
  const namespaces = [...new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease', ...seed.namespaces])]
  const allServiceAccounts: ClusterSeed['serviceAccounts'] = [
    ...namespaces.map((ns) => ({ namespace: ns, name: 'default' })),
    ...seed.serviceAccounts,
  ]
  const serviceAccounts = allServiceAccounts.map((sa): KubeObject => {
    const metadata: KubeObject['metadata'] = {
      name: sa.name,
      namespace: sa.namespace,
      uid: buildStableUid(`sa/${sa.namespace}/${sa.name}`),
      creationTimestamp: formatSeedTime(60 * 24 * 60),
    }
    if (sa.annotations) metadata.annotations = sa.annotations
    return { apiVersion: 'v1', kind: 'ServiceAccount', metadata }
  })
  const configMaps = [
    ...namespaces.map((ns) => ({
      namespace: ns,
      name: 'kube-root-ca.crt',
      data: { 'ca.crt': '(the cluster CA bundle)' },
    })),
    ...(seed.configMaps ?? []),
  ].map((cm): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: cm.name,
      namespace: cm.namespace,
      uid: buildStableUid(`cm/${cm.namespace}/${cm.name}`),
      creationTimestamp: formatSeedTime(60 * 24 * 100),
    },
    data: cm.data,
  }))
  const store = new ClusterStore({ resourceVersion: 1000, collections: {}, serverVersion: seed.gitVersion })
  store.load(
    CORE('namespaces'),
    namespaces.map((ns, i) => buildNamespace(ns, 60 * 24 * (300 - i))),
  )
  store.load(CORE('nodes'), nodes)
  store.load(CORE('pods'), pods)
  store.load(CORE('events'), events)
  store.load(CORE('serviceaccounts'), serviceAccounts)
  store.load(CORE('configmaps'), configMaps)
  store.load(CORE('secrets'), (seed.secrets ?? []).map(buildSecret))
  const controllers = buildWorkloadObjects(seed.workloads, nodes.length, templateHashOf)
  store.load(buildStorageKey('apps', 'deployments'), controllers.deployments)
  store.load(buildStorageKey('apps', 'replicasets'), controllers.replicaSets)
  store.load(buildStorageKey('apps', 'daemonsets'), controllers.daemonSets)
  store.load(buildStorageKey('apps', 'statefulsets'), controllers.statefulSets)
  store.load(buildStorageKey('batch', 'jobs'), controllers.jobs)
  store.load(RBAC('clusterroles'), buildClusterRoles(seed.extraRbac?.clusterRoles ?? []))
  store.load(RBAC('clusterrolebindings'), [
    ...buildDefaultClusterRoleBindings(),
    ...(seed.clusterRoleBindings ?? []).map((b) =>
      buildBinding(
        'ClusterRoleBinding',
        b.name,
        { kind: 'ClusterRole', name: b.clusterRole },
        b.groups.map((name) => ({ kind: 'Group' as const, name })),
        undefined,
        60 * 24 * 90,
      ),
    ),
    ...(seed.extraRbac?.clusterRoleBindings ?? []),
  ])
  store.load(RBAC('roles'), seed.extraRbac?.roles ?? [])
  store.load(RBAC('rolebindings'), [
    ...seed.roleBindings.map((b) =>
      buildBinding(
        'RoleBinding',
        b.name,
        { kind: 'ClusterRole', name: b.clusterRole },
        b.groups.map((name) => ({ kind: 'Group' as const, name })),
        b.namespace,
        60 * 24 * 90,
      ),
    ),
    ...(seed.extraRbac?.roleBindings ?? []),
  ])
  return store
}
