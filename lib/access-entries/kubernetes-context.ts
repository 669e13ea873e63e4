import 'server-only'

import type { KubernetesContext } from './access-entry-dto'

/**
 * What the grant form needs from the cluster's Kubernetes API: namespace names (picker, "does not exist" warnings) and
 * the groups some RoleBinding or ClusterRoleBinding names (the "bound to nothing" warning). A small interface so the
 * Kubernetes connection (lib/k8s) can be plugged in without touching the form or the routes.
 */
export interface KubernetesContextSource {
  load(target: { region: string; cluster: string }): Promise<KubernetesContext>
}

/** Used until the console has a Kubernetes connection: no warnings, free-text namespaces. */
export const unavailableKubernetesContext: KubernetesContextSource = {
  async load() {
    return {
      available: false,
      reason:
        "The console cannot read this cluster's Kubernetes API yet, so namespaces and group bindings are not checked.",
      namespaces: [],
      boundGroups: [],
    }
  },
}

let source: KubernetesContextSource = unavailableKubernetesContext

/** Replaces the source (lib/k8s registers itself here; tests use a fake). */
export function setKubernetesContextSource(next: KubernetesContextSource): void {
  source = next
}

/** Namespaces and bound groups of a cluster; never throws — an unreachable API just disables the checks. */
export async function loadKubernetesContext(target: { region: string; cluster: string }): Promise<KubernetesContext> {
  try {
    return await source.load(target)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return { available: false, reason: `Could not read the Kubernetes API: ${detail}`, namespaces: [], boundGroups: [] }
  }
}
