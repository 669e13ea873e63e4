// The controller objects behind a seed's Pods: a Deployment and its ReplicaSet, a DaemonSet, a StatefulSet or a Job,
// with the UIDs the Pods' ownerReferences already name and a status that agrees with those Pods (nothing runs them:
// the status is what the controllers would have written). Shapes follow apps/v1 and batch/v1
// (https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/).
import type { KubeObject } from '../types'
import type { WorkloadSeed } from './build-cluster'
import type { PodState } from './build-pod'
import { buildStableUid, formatSeedTime } from './seed-random'

/** The controller objects of one workload, by kind. */
export interface WorkloadObjects {
  deployments: KubeObject[]
  replicaSets: KubeObject[]
  daemonSets: KubeObject[]
  statefulSets: KubeObject[]
  jobs: KubeObject[]
}

/** The uid build-pod.ts gives an owner; the objects must carry the same one. */
export const ownerUid = (namespace: string, kind: string, name: string) =>
  buildStableUid(`${namespace}/${kind}/${name}`)

function podTemplate(w: WorkloadSeed, labels: Record<string, string>): Record<string, unknown> {
  return {
    metadata: { labels },
    spec: {
      ...(w.serviceAccount ? { serviceAccountName: w.serviceAccount } : {}),
      containers: [{ name: 'app', image: w.image, resources: {} }],
      restartPolicy: w.kind === 'Job' ? 'Never' : 'Always',
    },
  }
}

function metadataFor(w: WorkloadSeed, kind: string, name: string, labels: Record<string, string>) {
  return {
    name,
    namespace: w.namespace,
    uid: ownerUid(w.namespace, kind, name),
    generation: 1,
    creationTimestamp: formatSeedTime(60 * 24 * w.ageDays + 1),
    labels,
  }
}

const count = (states: PodState[], ...wanted: PodState[]) => states.filter((s) => wanted.includes(s)).length

function condition(type: string, ok: boolean, reason: string, message: string, ageDays: number) {
  const at = formatSeedTime(60 * 24 * ageDays)
  return { type, status: ok ? 'True' : 'False', reason, message, lastUpdateTime: at, lastTransitionTime: at }
}

/** A Deployment and the one ReplicaSet (`<name>-<templateHash>`) that owns its Pods. */
function buildDeployment(w: WorkloadSeed, templateHash: string, into: WorkloadObjects): void {
  const appLabels = { app: w.name, 'app.kubernetes.io/name': w.name }
  const replicas = w.states.length
  const ready = count(w.states, 'Running')
  const deployment: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      ...metadataFor(w, 'Deployment', w.name, appLabels),
      annotations: { 'deployment.kubernetes.io/revision': '1' },
    },
    spec: {
      replicas,
      selector: { matchLabels: appLabels },
      template: podTemplate(w, appLabels),
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: 1,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(replicas > ready ? { unavailableReplicas: replicas - ready } : {}),
      conditions: [
        ready === replicas
          ? condition('Available', true, 'MinimumReplicasAvailable', 'Deployment has minimum availability.', w.ageDays)
          : condition(
              'Available',
              false,
              'MinimumReplicasUnavailable',
              'Deployment does not have minimum availability.',
              w.ageDays,
            ),
        condition(
          'Progressing',
          true,
          'NewReplicaSetAvailable',
          `ReplicaSet "${w.name}-${templateHash}" has successfully progressed.`,
          w.ageDays,
        ),
      ],
    },
  }
  const rsName = `${w.name}-${templateHash}`
  const rsLabels = { ...appLabels, 'pod-template-hash': templateHash }
  const replicaSet: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      ...metadataFor(w, 'ReplicaSet', rsName, rsLabels),
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(replicas),
        'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)),
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: w.name,
          uid: deployment.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: { replicas, selector: { matchLabels: rsLabels }, template: podTemplate(w, rsLabels) },
    status: {
      replicas,
      fullyLabeledReplicas: replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: 1,
    },
  }
  into.deployments.push(deployment)
  into.replicaSets.push(replicaSet)
}

function buildDaemonSet(w: WorkloadSeed, nodeCount: number): KubeObject {
  const labels = { app: w.name, 'app.kubernetes.io/name': w.name }
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      ...metadataFor(w, 'DaemonSet', w.name, labels),
      annotations: { 'deprecated.daemonset.template.generation': '1' },
    },
    spec: {
      selector: { matchLabels: labels },
      template: podTemplate(w, labels),
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%', maxSurge: 0 } },
      revisionHistoryLimit: 10,
    },
    status: {
      currentNumberScheduled: nodeCount,
      desiredNumberScheduled: nodeCount,
      numberAvailable: nodeCount,
      numberMisscheduled: 0,
      numberReady: nodeCount,
      updatedNumberScheduled: nodeCount,
      observedGeneration: 1,
    },
  }
}

function buildStatefulSet(w: WorkloadSeed): KubeObject {
  const labels = { app: w.name, 'app.kubernetes.io/name': w.name }
  const replicas = w.states.length
  const ready = count(w.states, 'Running')
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: metadataFor(w, 'StatefulSet', w.name, labels),
    spec: {
      replicas,
      serviceName: w.name,
      selector: { matchLabels: labels },
      template: podTemplate(w, labels),
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    },
    status: {
      observedGeneration: 1,
      replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      currentReplicas: replicas,
      updatedReplicas: replicas,
    },
  }
}

function buildJob(w: WorkloadSeed): KubeObject {
  const uid = ownerUid(w.namespace, 'Job', w.name)
  const labels = { 'batch.kubernetes.io/job-name': w.name, 'job-name': w.name }
  const podLabels = { ...labels, 'batch.kubernetes.io/controller-uid': uid, 'controller-uid': uid }
  const succeeded = count(w.states, 'Completed')
  const failed = count(w.states, 'CrashLoopBackOff', 'Evicted', 'OOMKilled')
  const active = w.states.length - succeeded - failed
  const complete = succeeded === w.states.length
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: metadataFor(w, 'Job', w.name, labels),
    spec: {
      completions: w.states.length,
      parallelism: w.states.length,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      template: podTemplate(w, podLabels),
    },
    status: {
      startTime: formatSeedTime(60 * 24 * w.ageDays),
      ...(succeeded ? { succeeded } : {}),
      ...(failed ? { failed } : {}),
      ...(active ? { active } : {}),
      ...(complete
        ? {
            completionTime: formatSeedTime(60 * 24 * w.ageDays - 5),
            conditions: [
              condition('Complete', true, 'CompletionsReached', 'Reached expected number of succeeded pods', w.ageDays),
            ],
          }
        : {}),
    },
  }
}

/**
 * The controller objects of every workload of a seed; `templateHashOf` gives a Deployment's pod-template hash (the
 * one its Pods' names and labels carry).
 */
export function buildWorkloadObjects(
  workloads: readonly WorkloadSeed[],
  nodeCount: number,
  templateHashOf: (w: WorkloadSeed) => string,
): WorkloadObjects {
  const out: WorkloadObjects = { deployments: [], replicaSets: [], daemonSets: [], statefulSets: [], jobs: [] }
  for (const w of workloads) {
    if (w.kind === 'Deployment') buildDeployment(w, templateHashOf(w), out)
    else if (w.kind === 'DaemonSet') out.daemonSets.push(buildDaemonSet(w, nodeCount))
    else if (w.kind === 'StatefulSet') out.statefulSets.push(buildStatefulSet(w))
    else out.jobs.push(buildJob(w))
  }
  return out
}
