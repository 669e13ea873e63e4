import 'server-only'

import {
  AssociateAccessPolicyCommand,
  CreateAccessEntryCommand,
  DeleteAccessEntryCommand,
  DescribeAccessEntryCommand,
  DisassociateAccessPolicyCommand,
  ListAccessEntriesCommand,
  ListAssociatedAccessPoliciesCommand,
  UpdateAccessEntryCommand,
  type AccessEntry,
  type AssociatedAccessPolicy,
} from '@aws-sdk/client-eks'

import { toAccessEntryError } from './access-entry-errors'
import { getEksClient } from './aws-clients'

/** A policy association as EKS describes it (ListAssociatedAccessPolicies), dates as ISO strings. */
export type AssociatedPolicy = {
  policyArn: string
  accessScope: { type: 'cluster' | 'namespace'; namespaces: string[] }
  associatedAt: string | null
  modifiedAt: string | null
}

/** An access entry as EKS describes it, with its associated policies. */
export type AccessEntryDetail = {
  principalArn: string
  type: string
  username: string | null
  kubernetesGroups: string[]
  accessEntryArn: string | null
  createdAt: string | null
  modifiedAt: string | null
  tags: Record<string, string>
  policies: AssociatedPolicy[]
}

type Target = { region: string; cluster: string }
type EntryTarget = Target & { principalArn: string }

const iso = (date: Date | undefined) => (date ? date.toISOString() : null)

function toScope(scope: AssociatedAccessPolicy['accessScope']): AssociatedPolicy['accessScope'] {
  return scope?.type === 'namespace'
    ? { type: 'namespace', namespaces: scope.namespaces ?? [] }
    : { type: 'cluster', namespaces: [] }
}

function toPolicy(policy: AssociatedAccessPolicy): AssociatedPolicy {
  return {
    policyArn: policy.policyArn ?? '',
    accessScope: toScope(policy.accessScope),
    associatedAt: iso(policy.associatedAt),
    modifiedAt: iso(policy.modifiedAt),
  }
}

function toDetail(entry: AccessEntry, principalArn: string, policies: AssociatedPolicy[]): AccessEntryDetail {
  return {
    principalArn: entry.principalArn ?? principalArn,
    type: entry.type ?? 'STANDARD',
    username: entry.username ?? null,
    kubernetesGroups: entry.kubernetesGroups ?? [],
    accessEntryArn: entry.accessEntryArn ?? null,
    createdAt: iso(entry.createdAt),
    modifiedAt: iso(entry.modifiedAt),
    tags: entry.tags ?? {},
    policies,
  }
}

/**
 * ListAccessEntries, page by page (100 principal ARNs each). `onPage` lets the caller start describing entries while
 * later pages are still being listed.
 */
export async function listAccessEntryArns(
  target: Target & { associatedPolicyArn?: string },
  onPage?: (arns: string[]) => void,
): Promise<string[]> {
  const client = getEksClient(target.region)
  const all: string[] = []
  let nextToken: string | undefined
  try {
    do {
      const page = await client.send(
        new ListAccessEntriesCommand({
          clusterName: target.cluster,
          associatedPolicyArn: target.associatedPolicyArn,
          maxResults: 100,
          nextToken,
        }),
      )
      const arns = page.accessEntries ?? []
      all.push(...arns)
      onPage?.(arns)
      nextToken = page.nextToken ?? undefined
    } while (nextToken)
  } catch (error) {
    throw toAccessEntryError(error, { ...target, call: 'read' })
  }
  return all
}

/** ListAssociatedAccessPolicies for one entry, every page. */
export async function listAssociatedPolicies(target: EntryTarget): Promise<AssociatedPolicy[]> {
  const client = getEksClient(target.region, { bulk: true })
  const policies: AssociatedPolicy[] = []
  let nextToken: string | undefined
  do {
    const page = await client.send(
      new ListAssociatedAccessPoliciesCommand({
        clusterName: target.cluster,
        principalArn: target.principalArn,
        maxResults: 100,
        nextToken,
      }),
    )
    policies.push(...(page.associatedAccessPolicies ?? []).map(toPolicy))
    nextToken = page.nextToken ?? undefined
  } while (nextToken)
  return policies
}

/** DescribeAccessEntry + ListAssociatedAccessPolicies, in parallel. */
export async function describeAccessEntry(target: EntryTarget): Promise<AccessEntryDetail> {
  try {
    const [described, policies] = await Promise.all([
      getEksClient(target.region, { bulk: true }).send(
        new DescribeAccessEntryCommand({ clusterName: target.cluster, principalArn: target.principalArn }),
      ),
      listAssociatedPolicies(target),
    ])
    if (!described.accessEntry) throw new Error(`DescribeAccessEntry returned no entry for ${target.principalArn}`)
    return toDetail(described.accessEntry, target.principalArn, policies)
  } catch (error) {
    throw toAccessEntryError(error, { ...target, call: 'read' })
  }
}

/** CreateAccessEntry (no policies: those are separate AssociateAccessPolicy calls). */
export async function createAccessEntry(
  target: EntryTarget & { type: string; username?: string; kubernetesGroups: string[]; tags?: Record<string, string> },
): Promise<AccessEntryDetail> {
  try {
    const out = await getEksClient(target.region).send(
      new CreateAccessEntryCommand({
        clusterName: target.cluster,
        principalArn: target.principalArn,
        type: target.type,
        username: target.username,
        // EKS refuses kubernetesGroups on node types even when empty is meant; send them only when there are some.
        kubernetesGroups: target.kubernetesGroups.length > 0 ? target.kubernetesGroups : undefined,
        tags: target.tags,
      }),
    )
    return toDetail(out.accessEntry ?? {}, target.principalArn, [])
  } catch (error) {
    throw toAccessEntryError(error, { ...target, call: 'create' })
  }
}

/** UpdateAccessEntry: username and/or the whole list of groups. */
export async function updateAccessEntry(
  target: EntryTarget & { username?: string; kubernetesGroups?: string[] },
): Promise<void> {
  try {
    await getEksClient(target.region).send(
      new UpdateAccessEntryCommand({
        clusterName: target.cluster,
        principalArn: target.principalArn,
        username: target.username,
        kubernetesGroups: target.kubernetesGroups,
      }),
    )
  } catch (error) {
    throw toAccessEntryError(error, { ...target, call: 'update' })
  }
}

/** DeleteAccessEntry (its policy associations go with it). */
export async function deleteAccessEntry(target: EntryTarget): Promise<void> {
  try {
    await getEksClient(target.region).send(
      new DeleteAccessEntryCommand({ clusterName: target.cluster, principalArn: target.principalArn }),
    )
  } catch (error) {
    throw toAccessEntryError(error, { ...target, call: 'delete' })
  }
}

/** AssociateAccessPolicy; re-running it for an associated policy replaces its scope. */
export async function associateAccessPolicy(
  target: EntryTarget & { policyArn: string; accessScope: { type: 'cluster' | 'namespace'; namespaces?: string[] } },
): Promise<void> {
  try {
    await getEksClient(target.region).send(
      new AssociateAccessPolicyCommand({
        clusterName: target.cluster,
        principalArn: target.principalArn,
        policyArn: target.policyArn,
        accessScope:
          target.accessScope.type === 'namespace'
            ? { type: 'namespace', namespaces: target.accessScope.namespaces ?? [] }
            : { type: 'cluster' },
      }),
    )
  } catch (error) {
    throw toAccessEntryError(error, { ...target, call: 'associate' })
  }
}

/** DisassociateAccessPolicy. */
export async function disassociateAccessPolicy(target: EntryTarget & { policyArn: string }): Promise<void> {
  try {
    await getEksClient(target.region).send(
      new DisassociateAccessPolicyCommand({
        clusterName: target.cluster,
        principalArn: target.principalArn,
        policyArn: target.policyArn,
      }),
    )
  } catch (error) {
    throw toAccessEntryError(error, { ...target, call: 'disassociate' })
  }
}
