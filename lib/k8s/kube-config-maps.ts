import 'server-only'

import type { V1ConfigMap } from '@kubernetes/client-node'

import { isConsoleError } from '@/lib/api/console-error'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { callKube } from './kube-clients'

const action = (verb: string, namespace: string, name?: string) => ({
  verb,
  resource: 'configmaps',
  namespace,
  ...(name ? { name } : {}),
})

/** GET one ConfigMap; `undefined` when it does not exist. */
export async function getConfigMap(ref: ClusterRef, namespace: string, name: string): Promise<V1ConfigMap | undefined> {
  try {
    return await callKube(ref, action('get', namespace, name), (k) =>
      k.core.readNamespacedConfigMap({ namespace, name }),
    )
  } catch (error) {
    if (isConsoleError(error) && error.code === 'not_found') return undefined
    throw error
  }
}

/** POST a new ConfigMap; a concurrent create of the same name answers 409 AlreadyExists (a `conflict`). */
export async function createConfigMap(ref: ClusterRef, body: V1ConfigMap): Promise<V1ConfigMap> {
  const namespace = body.metadata?.namespace ?? 'default'
  return callKube(ref, action('create', namespace), (k) => k.core.createNamespacedConfigMap({ namespace, body }))
}

/**
 * PUT a ConfigMap. `body.metadata.resourceVersion` is a precondition: the API server answers 409 Conflict when the
 * object changed since that version, so a concurrent edit is never overwritten
 * (https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions).
 */
export async function replaceConfigMap(ref: ClusterRef, body: V1ConfigMap): Promise<V1ConfigMap> {
  const namespace = body.metadata?.namespace ?? 'default'
  const name = body.metadata?.name ?? ''
  if (!body.metadata?.resourceVersion) throw new Error('replaceConfigMap needs metadata.resourceVersion')
  return callKube(ref, action('update', namespace, name), (k) =>
    k.core.replaceNamespacedConfigMap({ namespace, name, body }),
  )
}

/** DELETE a ConfigMap; one that is already gone counts as deleted (a rerun of a migration). */
export async function deleteConfigMap(ref: ClusterRef, namespace: string, name: string): Promise<void> {
  try {
    await callKube(ref, action('delete', namespace, name), (k) => k.core.deleteNamespacedConfigMap({ namespace, name }))
  } catch (error) {
    if (isConsoleError(error) && error.code === 'not_found') return
    throw error
  }
}
