import 'server-only'

import type { KubernetesContext } from '@/lib/access/access-entry-dto'
import { isConsoleError } from '@/lib/api/console-error'
import { loadNamespacesAndBoundGroups } from '@/lib/k8s/kube-rbac'

/**
 * What the grant form needs from the cluster's Kubernetes API: namespace names (picker, "does not exist" warnings) and
 * the groups some RoleBinding or ClusterRoleBinding names (the "bound to nothing" warning). A small interface so tests
 * can plug in a fake without a cluster.
 */
export interface KubernetesContextSource {
  load(target: { region: string; cluster: string }): Promise<KubernetesContext>
}

/** The cluster's own Kubernetes API, read as the console (lib/k8s: DescribeCluster endpoint + CA + EKS token). */
export const kubernetesApiContext: KubernetesContextSource = {
  load: async (t) => ({
    available: true,
    reason: null,
    ...(await loadNamespacesAndBoundGroups({ region: t.region, name: t.cluster })),
  }),
}

// The one source for the whole server: every caller of loadKubernetesContext gets the live cluster.
const source: KubernetesContextSource = kubernetesApiContext

const NOT_CHECKED = 'so namespaces and groups are typed freely and not checked.'

/** The one-line note the form shows when the checks are off, by what went wrong (lib/k8s error codes). */
function describeFailure(error: unknown): string {
  if (isConsoleError(error)) {
    switch (error.code) {
      case 'kubernetes_forbidden':
        return `The console's identity may not ${String(error.detail?.verb ?? 'list')} ${String(error.detail?.resource ?? 'namespaces')} in this cluster, ${NOT_CHECKED}`
      case 'kubernetes_unauthorized':
        return `This cluster's Kubernetes API does not accept the console's credentials, ${NOT_CHECKED}`
      case 'upstream_unreachable':
        return `The console cannot reach this cluster's Kubernetes API, ${NOT_CHECKED}`
      case 'upstream_timeout':
        return `This cluster's Kubernetes API did not answer in time, ${NOT_CHECKED}`
    }
  }
  const detail = error instanceof Error ? error.message : String(error)
  return `Could not read the cluster's Kubernetes API (${detail}), ${NOT_CHECKED}`
}

/** Namespaces and bound groups of a cluster; never throws — a refusing or unreachable API just disables the checks. */
export async function loadKubernetesContext(target: { region: string; cluster: string }): Promise<KubernetesContext> {
  try {
    return await source.load(target)
  } catch (error) {
    return { available: false, reason: describeFailure(error), namespaces: [], boundGroups: [] }
  }
}
