// Seeded Secrets: a few of the kinds real clusters hold (TLS, registry credentials, application credentials, a legacy
// service-account token), so that secret-reader findings and Secret lists have something to show. The values are
// obviously fake and deterministic; `data` is base64 as the API stores it
// (https://kubernetes.io/docs/concepts/configuration/secret/#secret-types).
import type { KubeObject } from '../types'
import { buildStableHex, buildStableUid, formatSeedTime } from './seed-random'

export interface SecretSeed {
  namespace: string
  name: string
  type: 'Opaque' | 'kubernetes.io/tls' | 'kubernetes.io/dockerconfigjson' | 'kubernetes.io/service-account-token'
  /** Plain-text values; stored base64-encoded. */
  data: Record<string, string>
  annotations?: Record<string, string>
  ageDays: number
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')

/** The Secret object of a seed. */
export function buildSecret(s: SecretSeed): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: s.name,
      namespace: s.namespace,
      uid: buildStableUid(`secret/${s.namespace}/${s.name}`),
      creationTimestamp: formatSeedTime(60 * 24 * s.ageDays),
      ...(s.annotations ? { annotations: s.annotations } : {}),
    },
    type: s.type,
    data: Object.fromEntries(Object.entries(s.data).map(([k, v]) => [k, b64(v)])),
  }
}

/** A PEM-shaped placeholder (not a parseable key or certificate: nothing in the sandbox serves it). */
function fakePem(label: string, key: string): string {
  return `-----BEGIN ${label}-----\n${b64(`sandbox ${key} ${buildStableHex(key, 48)}`)}\n-----END ${label}-----\n`
}

/** A TLS Secret as cert-manager or `kubectl create secret tls` leaves it. */
export function tlsSecret(namespace: string, name: string, ageDays: number): SecretSeed {
  return {
    namespace,
    name,
    type: 'kubernetes.io/tls',
    data: {
      'tls.crt': fakePem('CERTIFICATE', `${namespace}/${name}/crt`),
      'tls.key': fakePem('PRIVATE KEY', `${namespace}/${name}/key`),
    },
    ageDays,
  }
}

/** An image-pull Secret for a private registry (`kubectl create secret docker-registry`). */
export function registrySecret(namespace: string, name: string, registry: string, ageDays: number): SecretSeed {
  const auth = b64(`robot:${buildStableHex(`${namespace}/${name}`, 24)}`)
  return {
    namespace,
    name,
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': JSON.stringify({ auths: { [registry]: { auth } } }) },
    ageDays,
  }
}

/** Application credentials (`kubectl create secret generic`): each value a stable fake. */
export function opaqueSecret(namespace: string, name: string, keys: string[], ageDays: number): SecretSeed {
  const data = Object.fromEntries(keys.map((k) => [k, `sandbox-${buildStableHex(`${namespace}/${name}/${k}`, 20)}`]))
  return { namespace, name, type: 'Opaque', data, ageDays }
}

/**
 * A long-lived service-account token Secret (made by hand since Kubernetes 1.24 stopped creating them): the kind of
 * credential that never expires, worth a finding.
 */
export function legacyTokenSecret(namespace: string, serviceAccount: string, ageDays: number): SecretSeed {
  return {
    namespace,
    name: `${serviceAccount}-token`,
    type: 'kubernetes.io/service-account-token',
    annotations: {
      'kubernetes.io/service-account.name': serviceAccount,
      'kubernetes.io/service-account.uid': buildStableUid(`sa/${namespace}/${serviceAccount}`),
    },
    data: {
      'ca.crt': fakePem('CERTIFICATE', 'cluster-ca'),
      namespace,
      token: `eyJhbGciOiJSUzI1NiJ9.sandbox.${buildStableHex(`${namespace}/${serviceAccount}/token`, 40)}`,
    },
    ageDays,
  }
}
