// The names and labels controllers give the Pods they make, for the seeded workloads: deterministic, from the
// workload's namespace and name.
import type { WorkloadSeed } from './build-cluster'
import { ownerUid } from './build-workloads'
import { buildStableHex, hashString } from './seed-random'

/** A Deployment's pod-template hash: its ReplicaSet's name suffix and its Pods' `pod-template-hash` label. */
export const templateHashOf = (w: WorkloadSeed) => buildStableHex(`${w.namespace}/${w.name}`, 10)

// Pod-name suffixes use consonants and digits like the ReplicaSet controller's rand.String.
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

function buildSuffix(key: string): string {
  let x = hashString(key)
  let out = ''
  for (let i = 0; i < 5; i++) {
    out += SUFFIX_ALPHABET[x % SUFFIX_ALPHABET.length]
    x = Math.floor(x / SUFFIX_ALPHABET.length)
  }
  return out
}

/** A Pod's name as its controller would make it (`<rs>-<suffix>`, `<sts>-<i>`, `<ds or job>-<suffix>`). */
export function buildPodName(w: WorkloadSeed, templateHash: string, i: number, node?: string): string {
  if (w.kind === 'StatefulSet') return `${w.name}-${i}`
  if (w.kind === 'Deployment') return `${w.name}-${templateHash}-${buildSuffix(`${w.namespace}/${w.name}/${i}`)}`
  return `${w.name}-${buildSuffix(`${w.namespace}/${w.name}/${i}/${node ?? ''}`)}`
}

/** The labels a controller gives its Pods (the ones its selector matches). */
export function buildPodLabels(w: WorkloadSeed, templateHash: string): Record<string, string> {
  if (w.kind === 'Job') {
    // The Job controller's labels: its selector matches on the controller uid.
    const uid = ownerUid(w.namespace, 'Job', w.name)
    return {
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': w.name,
      'controller-uid': uid,
      'job-name': w.name,
    }
  }
  const labels: Record<string, string> = { app: w.name, 'app.kubernetes.io/name': w.name }
  if (w.kind === 'Deployment') labels['pod-template-hash'] = templateHash
  return labels
}
