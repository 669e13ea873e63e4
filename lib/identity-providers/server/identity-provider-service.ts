import 'server-only'

import type { Session } from 'next-auth'

import { isConsoleError } from '@/lib/api/console-error'
import { recordAuditEvent } from '@/lib/audit/server/record-audit-event'
import { describeEksCluster } from '@/lib/aws/eks-clusters'
import {
  associateIdentityProvider,
  disassociateIdentityProvider,
  listIdentityProviders,
} from '@/lib/aws/identity-providers'
import type { IdentityProviderListDto, IdentityProviderUpdateDto } from '@/lib/identity-providers/identity-provider-dto'
import {
  associateIdentityProviderSchemaFor,
  maxIdentityProviders,
} from '@/lib/identity-providers/identity-provider-schema'

type ClusterTarget = { region: string; name: string }

const errorMessage = (error: unknown) =>
  isConsoleError(error) ? error.message : 'The request failed (the server log has the details).'

/** The cluster's OIDC identity providers, its Kubernetes version and the provider limit that version has. */
export async function getIdentityProviders(target: ClusterTarget): Promise<IdentityProviderListDto> {
  const [cluster, providers] = await Promise.all([
    describeEksCluster(target.region, target.name),
    listIdentityProviders(target.region, target.name),
  ])
  const kubernetesVersion = cluster.version ?? ''
  return { kubernetesVersion, maxProviders: maxIdentityProviders(kubernetesVersion), providers }
}

/**
 * Validates a new association against the body rules and the cluster's current state (the same schema the form
 * uses), associates it, and records the attempt in the audit log whatever the outcome. A body the schema refuses
 * never reaches EKS and is not recorded (nothing was attempted).
 */
export async function addIdentityProvider(
  target: ClusterTarget,
  body: unknown,
  actor: Session['user'],
): Promise<IdentityProviderUpdateDto> {
  const state = await getIdentityProviders(target)
  const input = associateIdentityProviderSchemaFor({
    kubernetesVersion: state.kubernetesVersion,
    configs: state.providers.map((p) => ({ name: p.name, issuerUrl: p.issuerUrl, status: p.status })),
  }).parse(body)
  const event = {
    actor: { name: actor.name, role: actor.role },
    action: 'identity-provider.associate',
    cluster: target,
    target: input.name,
    before: null,
    after: { ...input },
  }
  try {
    const update = await associateIdentityProvider(target.region, target.name, input)
    await recordAuditEvent({ ...event, result: 'succeeded', message: `EKS update ${update.id} started.` })
    return update
  } catch (error) {
    await recordAuditEvent({ ...event, result: 'failed', message: errorMessage(error) })
    throw error
  }
}

/** Disassociates a provider (its users lose access once the update finishes) and records it. */
export async function removeIdentityProvider(
  target: ClusterTarget,
  name: string,
  actor: Session['user'],
): Promise<IdentityProviderUpdateDto> {
  const before = (await listIdentityProviders(target.region, target.name)).find((p) => p.name === name)
  const event = {
    actor: { name: actor.name, role: actor.role },
    action: 'identity-provider.disassociate',
    cluster: target,
    target: name,
    before: before ?? undefined,
    after: null,
  }
  try {
    const update = await disassociateIdentityProvider(target.region, target.name, name)
    await recordAuditEvent({ ...event, result: 'succeeded', message: `EKS update ${update.id} started.` })
    return update
  } catch (error) {
    await recordAuditEvent({ ...event, result: 'failed', message: errorMessage(error) })
    throw error
  }
}
