import 'server-only'

import { isConsoleError } from '@/lib/api/console-error'
import { auditedWrite, type Actor } from '@/lib/audit/server/audited-write'
import {
  createPodIdentityAssociation,
  deletePodIdentityAssociation,
  describePodIdentityAssociation,
  updatePodIdentityAssociation,
  type PodIdentityAssociationDetail,
} from '@/lib/aws/pod-identity'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { createServiceAccount, getServiceAccount } from '@/lib/k8s/kube-service-accounts'
import type { CreatePodIdentityInput, UpdatePodIdentityInput } from '@/lib/workload-identity/workload-identity-schemas'

const eksTarget = (ref: ClusterRef) => ({ region: ref.region, cluster: ref.name })

/** What the create call did, step by step (the service account may have been created first). */
export type CreateAssociationResult = { association: PodIdentityAssociationDetail; createdServiceAccount: boolean }

/**
 * CreatePodIdentityAssociation, after creating the service account when asked and missing. EKS does not require the
 * service account to exist, but pods can only use one that does.
 */
export async function addPodIdentityAssociation(
  ref: ClusterRef,
  input: CreatePodIdentityInput,
  actor: Actor,
): Promise<CreateAssociationResult> {
  const target = `${input.namespace}/${input.serviceAccount}`
  let createdServiceAccount = false
  if (input.createServiceAccount && !(await getServiceAccount(ref, input.namespace, input.serviceAccount))) {
    await auditedWrite(
      { actor, action: 'service-account.create', cluster: ref, target },
      () => createServiceAccount(ref, input.namespace, input.serviceAccount),
      (sa) => ({ uid: sa.metadata?.uid }),
    )
    createdServiceAccount = true
  }
  const association = await auditedWrite(
    { actor, action: 'pod-identity-association.create', cluster: ref, target },
    () =>
      createPodIdentityAssociation(eksTarget(ref), {
        namespace: input.namespace,
        serviceAccount: input.serviceAccount,
        roleArn: input.roleArn,
        targetRoleArn: input.targetRoleArn || undefined,
        disableSessionTags: input.disableSessionTags,
        policy: input.policy || undefined,
      }),
  ).catch((error: unknown) => {
    // Say that the first step applied, so nobody is surprised by a new, unmapped service account.
    if (createdServiceAccount && isConsoleError(error)) {
      error.message = `The service account ${target} was created, but the association was not: ${error.message}`
    }
    throw error
  })
  return { association, createdServiceAccount }
}

/**
 * UpdatePodIdentityAssociation (role, target role, session tags, session policy), audited with before and after
 * (both carry the policy).
 */
export async function changePodIdentityAssociation(
  ref: ClusterRef,
  associationId: string,
  input: UpdatePodIdentityInput,
  actor: Actor,
): Promise<PodIdentityAssociationDetail> {
  const before = await describePodIdentityAssociation(eksTarget(ref), associationId)
  // A blank policy means "none": send '' (remove; the sandbox reads '' so) only when there is one to remove. With
  // none, leave the member out, as EKS's handling of '' there is UNVERIFIED and older EKS versions lack it.
  const policy = input.policy || (before.policy ? '' : undefined)
  return auditedWrite(
    { actor, action: 'pod-identity-association.update', cluster: ref, target: associationId, before },
    () => updatePodIdentityAssociation(eksTarget(ref), associationId, { ...input, policy }),
  )
}

/** DeletePodIdentityAssociation, audited with what was removed. */
export async function removePodIdentityAssociation(
  ref: ClusterRef,
  associationId: string,
  actor: Actor,
): Promise<PodIdentityAssociationDetail> {
  const before = await describePodIdentityAssociation(eksTarget(ref), associationId)
  return auditedWrite(
    { actor, action: 'pod-identity-association.delete', cluster: ref, target: associationId, before },
    () => deletePodIdentityAssociation(eksTarget(ref), associationId),
    () => null,
  )
}
