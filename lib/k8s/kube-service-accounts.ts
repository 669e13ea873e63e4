import 'server-only'

import { PatchStrategy, setHeaderOptions, type V1Pod, type V1ServiceAccount } from '@kubernetes/client-node'

import { isConsoleError } from '@/lib/api/console-error'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { callKube } from './kube-clients'
import { listPods, type Page } from './kube-lists'

const action = (verb: string, namespace: string, name?: string) => ({
  verb,
  resource: 'serviceaccounts',
  namespace,
  ...(name ? { name } : {}),
})

/** GET one service account; `undefined` when the cluster has none of that name. */
export async function getServiceAccount(
  ref: ClusterRef,
  namespace: string,
  name: string,
): Promise<V1ServiceAccount | undefined> {
  try {
    return await callKube(ref, action('get', namespace, name), (k) =>
      k.core.readNamespacedServiceAccount({ namespace, name }),
    )
  } catch (error) {
    if (isConsoleError(error) && error.code === 'not_found') return undefined
    throw error
  }
}

/** Creates an empty service account (the Pod Identity form offers it when the account is missing). */
export async function createServiceAccount(
  ref: ClusterRef,
  namespace: string,
  name: string,
): Promise<V1ServiceAccount> {
  return callKube(ref, action('create', namespace), (k) =>
    k.core.createNamespacedServiceAccount({ namespace, body: { metadata: { name, namespace } } }),
  )
}

/**
 * Sets (string) or removes (null) annotations with a JSON merge patch that carries `resourceVersion`: the API server
 * then applies it only to that version and answers 409 Conflict otherwise, so a concurrent edit is never overwritten.
 */
export async function patchServiceAccountAnnotations(
  ref: ClusterRef,
  target: { namespace: string; name: string; resourceVersion: string },
  annotations: Record<string, string | null>,
): Promise<V1ServiceAccount> {
  const { namespace, name, resourceVersion } = target
  return callKube(ref, action('patch', namespace, name), (k) =>
    k.core.patchNamespacedServiceAccount(
      { namespace, name, body: { metadata: { resourceVersion, annotations } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    ),
  )
}

/** The pods that run as a service account (field selector spec.serviceAccountName), at most `limit`. */
export async function listServiceAccountPods(
  ref: ClusterRef,
  namespace: string,
  serviceAccount: string,
  limit = 100,
): Promise<Page<V1Pod>> {
  return listPods(ref, namespace, { limit, fieldSelector: `spec.serviceAccountName=${serviceAccount}` })
}
