import 'server-only'

import { stringify } from 'yaml'

import { ConsoleError } from '@/lib/api/console-error'
import { auditedWrite, type Actor } from '@/lib/audit/server/audited-write'
import { listPodIdentityAssociations } from '@/lib/aws/pod-identity'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { collectPages, listServiceAccounts } from '@/lib/k8s/kube-lists'
import { listAllNamespaceNames } from '@/lib/k8s/kube-namespaces'
import { createServiceAccount, getServiceAccount, listServiceAccountPods } from '@/lib/k8s/kube-service-accounts'
import { createServiceAccountCommand } from '@/lib/workload-identity/workload-identity-commands'
import type { ServiceAccountChoices, ServiceAccountDetail } from '@/lib/workload-identity/workload-identity-schemas'

import { loadClusterIdentityFacts } from './cluster-identity-facts'
import { buildMapping, createRoleReader, readIrsa, toPodFacts } from './mapping-service'

/**
 * One service account: its facts, YAML, the pods using it, and its IAM role mapping with checks (null when it has
 * neither a Pod Identity association nor an IRSA annotation).
 */
export async function loadServiceAccountDetail(
  ref: ClusterRef,
  namespace: string,
  name: string,
): Promise<ServiceAccountDetail> {
  const facts = await loadClusterIdentityFacts(ref)
  const [sa, associations] = await Promise.all([
    getServiceAccount(ref, namespace, name),
    listPodIdentityAssociations({ region: ref.region, cluster: ref.name }),
  ])
  const association = associations.find((a) => a.namespace === namespace && a.serviceAccount === name)
  if (!sa && !association) {
    throw new ConsoleError('not_found', `The cluster ${ref.name} has no service account ${namespace}/${name}.`)
  }
  const mapping =
    association || readIrsa(sa)
      ? await buildMapping(ref, facts, {
          namespace,
          serviceAccount: name,
          sa,
          association,
          readRole: createRoleReader(facts),
        })
      : null
  const pods = mapping
    ? mapping.pods
    : (await listServiceAccountPods(ref, namespace, name)).items
        .map(toPodFacts)
        .map((p) => ({ name: p.name, phase: p.phase, startTime: p.startTime, startedBeforeAssociation: false }))
  const { managedFields: _drop, ...metadata } = sa?.metadata ?? {}
  return {
    cluster: facts,
    serviceAccount: {
      namespace,
      name,
      exists: sa !== undefined,
      uid: sa?.metadata?.uid ?? null,
      resourceVersion: sa?.metadata?.resourceVersion ?? null,
      creationTimestamp: sa?.metadata?.creationTimestamp ? new Date(sa.metadata.creationTimestamp).toISOString() : null,
      labels: sa?.metadata?.labels ?? {},
      annotations: sa?.metadata?.annotations ?? {},
      yaml: sa ? stringify({ apiVersion: 'v1', kind: 'ServiceAccount', ...sa, metadata }) : '',
    },
    pods,
    mapping,
  }
}

/** Namespaces and service accounts for the create form's pickers (bounded: the pickers search, they do not page). */
export async function listServiceAccountChoices(ref: ClusterRef, namespace?: string): Promise<ServiceAccountChoices> {
  const [namespaces, accounts] = await Promise.all([
    // Up to 2,000 namespaces; `truncated` tells the picker there are more (it searches, it does not page).
    listAllNamespaceNames(ref, { max: 2_000 }),
    collectPages((page) => listServiceAccounts(ref, namespace, page), 5_000),
  ])
  return {
    namespaces: namespaces.names,
    serviceAccounts: accounts.items
      .map((sa) => ({ namespace: sa.metadata?.namespace ?? '', name: sa.metadata?.name ?? '' }))
      .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name)),
    truncated: namespaces.truncated || accounts.truncated,
  }
}

/** Creates a service account (audited as `service-account.create`). */
export async function addServiceAccount(
  ref: ClusterRef,
  input: { namespace: string; name: string },
  actor: Actor,
): Promise<{ namespace: string; name: string; command: string }> {
  await auditedWrite(
    { actor, action: 'service-account.create', cluster: ref, target: `${input.namespace}/${input.name}` },
    () => createServiceAccount(ref, input.namespace, input.name),
    (sa) => ({ uid: sa.metadata?.uid, resourceVersion: sa.metadata?.resourceVersion }),
  )
  return { ...input, command: createServiceAccountCommand(input.namespace, input.name) }
}
