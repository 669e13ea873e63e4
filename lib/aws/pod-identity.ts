import 'server-only'

import {
  CreatePodIdentityAssociationCommand,
  DeletePodIdentityAssociationCommand,
  DescribePodIdentityAssociationCommand,
  ListPodIdentityAssociationsCommand,
  UpdatePodIdentityAssociationCommand,
  type PodIdentityAssociation,
} from '@aws-sdk/client-eks'

import { ConsoleError } from '@/lib/api/console-error'

import { configuredAwsEndpoint, getEksClient } from './aws-clients'
import { toConsoleError } from './aws-errors'
import { mapLimited } from './map-limited'

type Target = { region: string; cluster: string }
type Call = 'read' | 'create' | 'update' | 'delete'

const DESCRIBE_CONCURRENCY = 8
const iso = (d: Date | undefined) => (d ? d.toISOString() : null)

/** A Pod Identity association as EKS describes it, absent strings as null and dates as ISO strings. */
export type PodIdentityAssociationDetail = {
  namespace: string
  serviceAccount: string
  associationId: string
  associationArn: string
  roleArn: string
  targetRoleArn: string | null
  externalId: string | null
  disableSessionTags: boolean
  policy: string | null
  ownerArn: string | null
  createdAt: string | null
  modifiedAt: string | null
}

function toDetail(a: PodIdentityAssociation): PodIdentityAssociationDetail {
  return {
    namespace: a.namespace ?? '',
    serviceAccount: a.serviceAccount ?? '',
    associationId: a.associationId ?? '',
    associationArn: a.associationArn ?? '',
    roleArn: a.roleArn ?? '',
    targetRoleArn: a.targetRoleArn || null,
    externalId: a.externalId || null,
    disableSessionTags: a.disableSessionTags === true,
    policy: a.policy || null,
    ownerArn: a.ownerArn || null,
    createdAt: iso(a.createdAt),
    modifiedAt: iso(a.modifiedAt),
  }
}

// EKS names the offending member in its message ("The roleArn … must be …"); put the error on that form field.
function fieldFor(message: string): string | undefined {
  // First: the session-policy refusal also says "disableSessionTags" ("A session policy can only be specified when…").
  if (/policy/i.test(message)) return 'policy'
  if (/targetrolearn/i.test(message)) return 'targetRoleArn'
  if (/rolearn|role /i.test(message)) return 'roleArn'
  if (/serviceaccount/i.test(message)) return 'serviceAccount'
  if (/namespace/i.test(message)) return 'namespace'
  if (/session/i.test(message)) return 'disableSessionTags'
  return undefined
}

/** Maps an EKS Pod Identity error to a ConsoleError with the issue on the field it concerns. */
function toPodIdentityError(error: unknown, target: Target, call: Call): ConsoleError {
  const name = (error as { name?: unknown })?.name
  const message = String((error as { message?: unknown })?.message ?? '')
  const options = { cause: error }
  if (name === 'ResourceInUseException' && call === 'create') {
    const text =
      'This service account already has a Pod Identity association (one role per service account). Edit it instead.'
    return new ConsoleError('conflict', text, { ...options, issues: [{ path: ['serviceAccount'], message: text }] })
  }
  if (name === 'ResourceNotFoundException' && !/cluster/i.test(message) && call !== 'create') {
    return new ConsoleError('not_found', 'That Pod Identity association no longer exists; refresh the list.', options)
  }
  if (name === 'InvalidParameterException' || name === 'InvalidRequestException') {
    const field = fieldFor(message)
    const text = `EKS rejected this: ${message}`
    return new ConsoleError(
      'validation_failed',
      text,
      field ? { ...options, issues: [{ path: [field], message: text }] } : options,
    )
  }
  if (name === 'ResourceLimitExceededException') {
    return new ConsoleError('conflict', 'This cluster has reached the EKS limit of Pod Identity associations.', options)
  }
  return toConsoleError(error, {
    service: 'EKS',
    region: target.region,
    endpoint: configuredAwsEndpoint(),
    notFoundMessage: `No cluster named ${target.cluster} in ${target.region}.`,
  })
}

/**
 * Every association of a cluster with its role: ListPodIdentityAssociations (all pages) then Describe for each, since
 * the summaries omit roleArn (docs/surprising-facts.md fact 4).
 */
export async function listPodIdentityAssociations(target: Target): Promise<PodIdentityAssociationDetail[]> {
  const client = getEksClient(target.region)
  try {
    const ids: string[] = []
    let nextToken: string | undefined
    do {
      const page = await client.send(
        new ListPodIdentityAssociationsCommand({ clusterName: target.cluster, maxResults: 100, nextToken }),
      )
      ids.push(...(page.associations ?? []).map((a) => a.associationId ?? '').filter(Boolean))
      nextToken = page.nextToken ?? undefined
    } while (nextToken)
    return await mapLimited(ids, DESCRIBE_CONCURRENCY, (id) => describeAssociation(target, id))
  } catch (error) {
    throw toPodIdentityError(error, target, 'read')
  }
}

async function describeAssociation(target: Target, associationId: string) {
  const out = await getEksClient(target.region).send(
    new DescribePodIdentityAssociationCommand({ clusterName: target.cluster, associationId }),
  )
  return toDetail(out.association ?? {})
}

/** DescribePodIdentityAssociation. */
export async function describePodIdentityAssociation(
  target: Target,
  associationId: string,
): Promise<PodIdentityAssociationDetail> {
  try {
    return await describeAssociation(target, associationId)
  } catch (error) {
    throw toPodIdentityError(error, target, 'read')
  }
}

/** CreatePodIdentityAssociation. */
export async function createPodIdentityAssociation(
  target: Target,
  input: {
    namespace: string
    serviceAccount: string
    roleArn: string
    targetRoleArn?: string
    disableSessionTags: boolean
    /** Compact JSON; '' or absent for none. */
    policy?: string
  },
): Promise<PodIdentityAssociationDetail> {
  try {
    const out = await getEksClient(target.region).send(
      new CreatePodIdentityAssociationCommand({
        clusterName: target.cluster,
        namespace: input.namespace,
        serviceAccount: input.serviceAccount,
        roleArn: input.roleArn,
        targetRoleArn: input.targetRoleArn || undefined,
        // Sent only when set: older EKS API versions (before 2025-06) do not know the member.
        disableSessionTags: input.disableSessionTags || undefined,
        // Likewise: only sent when there is one, so EKS versions without the member are not asked about it.
        policy: input.policy || undefined,
      }),
    )
    return toDetail(out.association ?? {})
  } catch (error) {
    throw toPodIdentityError(error, target, 'create')
  }
}

/**
 * UpdatePodIdentityAssociation; an empty targetRoleArn removes the cross-account hop, an empty policy removes the
 * session policy, and an absent policy leaves it as it is.
 */
export async function updatePodIdentityAssociation(
  target: Target,
  associationId: string,
  input: { roleArn: string; targetRoleArn: string; disableSessionTags: boolean; policy?: string },
): Promise<PodIdentityAssociationDetail> {
  try {
    const out = await getEksClient(target.region).send(
      new UpdatePodIdentityAssociationCommand({ clusterName: target.cluster, associationId, ...input }),
    )
    return toDetail(out.association ?? {})
  } catch (error) {
    throw toPodIdentityError(error, target, 'update')
  }
}

/** DeletePodIdentityAssociation; returns the deleted association. */
export async function deletePodIdentityAssociation(
  target: Target,
  associationId: string,
): Promise<PodIdentityAssociationDetail> {
  try {
    const out = await getEksClient(target.region).send(
      new DeletePodIdentityAssociationCommand({ clusterName: target.cluster, associationId }),
    )
    return toDetail(out.association ?? {})
  } catch (error) {
    throw toPodIdentityError(error, target, 'delete')
  }
}
