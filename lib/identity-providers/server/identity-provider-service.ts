import 'server-only'

import type { Session } from 'next-auth'

import { auditedWrite } from '@/lib/audit/server/audited-write'
import { describeEksCluster } from '@/lib/aws/eks-clusters'
import {
  associateIdentityProvider,
  describeIdentityProviderUpdate,
  disassociateIdentityProvider,
  listIdentityProviders,
} from '@/lib/aws/identity-providers'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type {
  IdentityProviderDto,
  IdentityProviderListDto,
  IdentityProviderUpdateDto,
} from '@/lib/identity-providers/identity-provider-dto'
import {
  associateIdentityProviderSchemaFor,
  maxIdentityProviders,
} from '@/lib/identity-providers/identity-provider-schema'

import { toIdentityProviderDto, toIdentityProviderUpdateDto, toOidcProviderConfig } from './identity-provider-mappers'

/** The cluster's OIDC identity providers, described. */
export async function listClusterIdentityProviders(target: ClusterRef): Promise<IdentityProviderDto[]> {
  return (await listIdentityProviders(target.region, target.name)).map(toIdentityProviderDto)
}

/** The cluster's OIDC identity providers, its Kubernetes version and the provider limit that version has. */
export async function getIdentityProviders(target: ClusterRef): Promise<IdentityProviderListDto> {
  const [cluster, providers] = await Promise.all([
    describeEksCluster(target.region, target.name),
    listClusterIdentityProviders(target),
  ])
  const kubernetesVersion = cluster.version ?? ''
  return { kubernetesVersion, maxProviders: maxIdentityProviders(kubernetesVersion), providers }
}

/** DescribeUpdate of an association or disassociation, polled while it runs. */
export async function getIdentityProviderUpdate(target: ClusterRef, updateId: string) {
  return toIdentityProviderUpdateDto(await describeIdentityProviderUpdate(target.region, target.name, updateId))
}

/**
 * Validates a new association against the body rules and the cluster's current state (the same schema the form
 * uses), associates it, and records the attempt in the audit log whatever the outcome. A body the schema refuses
 * never reaches EKS and is not recorded (nothing was attempted).
 */
export async function addIdentityProvider(
  target: ClusterRef,
  body: unknown,
  actor: Session['user'],
): Promise<IdentityProviderUpdateDto> {
  const state = await getIdentityProviders(target)
  const input = associateIdentityProviderSchemaFor({
    kubernetesVersion: state.kubernetesVersion,
    configs: state.providers.map((p) => ({ name: p.name, issuerUrl: p.issuerUrl, status: p.status })),
  }).parse(body)
  return auditedWrite(
    { actor, action: 'identity-provider.associate', cluster: target, target: input.name, before: null },
    async () =>
      toIdentityProviderUpdateDto(
        await associateIdentityProvider(target.region, target.name, toOidcProviderConfig(input)),
      ),
    (update) => ({ ...input, updateId: update.id }),
  )
}

/** Disassociates a provider (its users lose access once the update finishes) and records it. */
export async function removeIdentityProvider(
  target: ClusterRef,
  name: string,
  actor: Session['user'],
): Promise<IdentityProviderUpdateDto> {
  const before = (await listClusterIdentityProviders(target)).find((p) => p.name === name)
  return auditedWrite(
    { actor, action: 'identity-provider.disassociate', cluster: target, target: name, before },
    async () => toIdentityProviderUpdateDto(await disassociateIdentityProvider(target.region, target.name, name)),
    (update) => ({ updateId: update.id }),
  )
}
