import 'server-only'

import { ConsoleError, isConsoleError } from '@/lib/api/console-error'
import { auditedWrite, type Actor } from '@/lib/audit/server/audited-write'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { getServiceAccount, patchServiceAccountAnnotations } from '@/lib/k8s/kube-service-accounts'
import { IRSA_ANNOTATIONS } from '@/lib/workload-identity/workload-identity-commands'
import type { IrsaAnnotationsInput } from '@/lib/workload-identity/workload-identity-schemas'

/**
 * The annotation changes a form asks for: a value sets, '' removes. Without a role ARN the other three annotations
 * mean nothing to the webhook, so removing the role removes them too.
 */
export function buildIrsaAnnotationPatch(
  input: Omit<IrsaAnnotationsInput, 'resourceVersion'>,
): Record<string, string | null> {
  const removeAll = input.roleArn === ''
  const value = (v: string) => (removeAll || v === '' ? null : v)
  return {
    [IRSA_ANNOTATIONS.roleArn]: value(input.roleArn),
    [IRSA_ANNOTATIONS.audience]: value(input.audience),
    [IRSA_ANNOTATIONS.stsRegionalEndpoints]: value(input.stsRegionalEndpoints),
    [IRSA_ANNOTATIONS.tokenExpiration]: value(input.tokenExpiration),
  }
}

/**
 * Sets, changes or removes a service account's IRSA annotations with its resourceVersion: when someone changed the
 * service account since the form loaded, the API server answers 409 and nothing is overwritten.
 */
export async function setIrsaAnnotations(
  ref: ClusterRef,
  target: { namespace: string; name: string },
  input: IrsaAnnotationsInput,
  actor: Actor,
): Promise<{ resourceVersion: string | null; annotations: Record<string, string> }> {
  const current = await getServiceAccount(ref, target.namespace, target.name)
  if (!current)
    throw new ConsoleError(
      'not_found',
      `The cluster ${ref.name} has no service account ${target.namespace}/${target.name}.`,
    )
  const before = current.metadata?.annotations ?? {}
  const patch = buildIrsaAnnotationPatch(input)
  const updated = await auditedWrite(
    {
      actor,
      // Removal is an annotate too (`kubectl annotate … key-`); before and after show which it was.
      action: 'service-account.annotate',
      cluster: ref,
      target: `${target.namespace}/${target.name}`,
      before,
    },
    () =>
      patchServiceAccountAnnotations(ref, { ...target, resourceVersion: input.resourceVersion }, patch).catch(
        (error: unknown) => {
          if (isConsoleError(error) && error.code === 'conflict') {
            throw new ConsoleError(
              'conflict',
              'Someone changed this service account after you opened the form. Reload it and apply your change again.',
              { cause: error },
            )
          }
          throw error
        },
      ),
    (sa) => sa.metadata?.annotations ?? {},
  )
  return {
    resourceVersion: updated.metadata?.resourceVersion ?? null,
    annotations: updated.metadata?.annotations ?? {},
  }
}
