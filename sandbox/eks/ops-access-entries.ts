import { findPrincipal } from '../iam/state'
import {
  buildDefaultUsername,
  isServiceLinkedRoleArn,
  listSystemGroups,
  NOT_STANDARD_MESSAGE,
  parsePrincipalArn,
  resolveAccessEntryType,
  SLR_MESSAGE,
  validateKubernetesGroups,
  validateUsername,
} from './access-entry-rules'
import { isKnownAccessPolicyArn } from './access-policies'
import { buildAccessEntryArn } from './arns'
import { EksError, invalidParameter, resourceInUse, resourceNotFound } from './errors'
import { generateUuid } from './ids'
import { getClusterOrThrow, requireAccessEntryApi, runMutation, type OpContext, type Operation } from './op-context'
import { paginate, sortByKey } from './pagination'
import type { AccessEntryRecord, ClusterRecord } from './records'
import { readOptionalString, readOptionalStringList, readTags, requireString } from './request-body'
import { renderAccessEntry, respondJson } from './wire'

// Access entry CRUD (docs/access-entries.md#operations, docs/access-entries.md).

/** Access entries per cluster: 3,000, not adjustable (docs/access-entries.md#limits-and-validation). */
const MAX_ACCESS_ENTRIES = 3000

// Real message for a missing entry (terraform-aws-eks #3024).
const ENTRY_NOT_FOUND =
  "The specified principalArn could not be found. You can view your available access entries with 'list-access-entries'."

/** The cluster (access-entry API enabled) and the entry named by `{principalArn}`; 404 if there is none. */
export function getAccessEntryOrThrow(ctx: OpContext): { cluster: ClusterRecord; entry: AccessEntryRecord } {
  const cluster = getClusterOrThrow(ctx)
  requireAccessEntryApi(cluster)
  const principalArn = ctx.labels.principalArn ?? ''
  const entry = Object.prototype.hasOwnProperty.call(cluster.accessEntries, principalArn)
    ? cluster.accessEntries[principalArn]
    : undefined
  if (!entry) throw resourceNotFound(ENTRY_NOT_FOUND, { clusterName: cluster.name })
  return { cluster, entry }
}

/** Service-linked roles' entries belong to EKS: callers may not create, change or delete them. */
export function rejectServiceLinkedRole(principalArn: string): void {
  if (isServiceLinkedRoleArn(principalArn)) throw invalidParameter(SLR_MESSAGE)
}

/** POST /clusters/{name}/access-entries. */
export const createAccessEntryOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  requireAccessEntryApi(cluster)
  const principalArn = requireString(ctx.body, 'principalArn')
  const type = resolveAccessEntryType(readOptionalString(ctx.body, 'type'))
  const username = readOptionalString(ctx.body, 'username')
  const groups = readOptionalStringList(ctx.body, 'kubernetesGroups')
  const tags = readTags(ctx.body)
  rejectServiceLinkedRole(principalArn)
  const principal = parsePrincipalArn(principalArn)
  const account = ctx.world.account
  if (type !== 'STANDARD') {
    // Node entries are for the cluster's own node roles; EKS sets their username and groups itself (docs/access-entries.md#entry-types).
    if (principal.kind !== 'role' || principal.account !== account) {
      throw invalidParameter(
        `Access entries of type ${type} must use an IAM role in the cluster's account (${account}).`,
      )
    }
    if ((groups && groups.length > 0) || username !== undefined) throw invalidParameter(NOT_STANDARD_MESSAGE)
  }
  if (username !== undefined) validateUsername(username)
  validateKubernetesGroups(groups ?? [])
  let principalId: string | null = null
  if (principal.account === account) {
    // Same account: the principal must exist, and EKS keeps its unique id (a recreated role is a new principal).
    const found = findPrincipal(ctx.world.iam, principalArn)
    if (!found) throw invalidParameter('The specified principalArn is invalid: invalid principal.')
    principalId = found.id
  }
  return runMutation(ctx, 'CreateAccessEntry', () => {
    if (Object.prototype.hasOwnProperty.call(cluster.accessEntries, principalArn)) {
      throw resourceInUse('The specified access entry resource is already in use on this cluster.', {
        clusterName: cluster.name,
      })
    }
    if (Object.keys(cluster.accessEntries).length >= MAX_ACCESS_ENTRIES) {
      throw new EksError(
        'ResourceLimitExceededException',
        'The access entry limit for this cluster has been reached.',
        {
          clusterName: cluster.name,
        },
      )
    }
    const entry: AccessEntryRecord = {
      principalArn,
      principalId,
      type,
      username: username ?? buildDefaultUsername(principalArn, principal, type),
      kubernetesGroups: type === 'STANDARD' ? [...new Set(groups ?? [])] : listSystemGroups(type),
      accessEntryArn: buildAccessEntryArn(ctx.req.region, account, cluster.name, principal, generateUuid()),
      createdAt: ctx.now,
      modifiedAt: ctx.now,
      tags,
      policies: {},
    }
    cluster.accessEntries[principalArn] = entry
    return respondJson({ accessEntry: renderAccessEntry(entry, cluster.name) }, ctx.req.requestId)
  })
}

/** GET /clusters/{name}/access-entries/{principalArn}. */
export const describeAccessEntryOp: Operation = (ctx) => {
  const { cluster, entry } = getAccessEntryOrThrow(ctx)
  return respondJson({ accessEntry: renderAccessEntry(entry, cluster.name) }, ctx.req.requestId)
}

/** GET /clusters/{name}/access-entries — bare principal ARNs, optionally only those with `associatedPolicyArn`. */
export const listAccessEntriesOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  requireAccessEntryApi(cluster)
  const policyArn = ctx.req.query.get('associatedPolicyArn')
  if (policyArn !== null && !isKnownAccessPolicyArn(policyArn)) {
    throw invalidParameter(`The associatedPolicyArn ${policyArn} is not a valid access policy ARN.`, {
      clusterName: cluster.name,
    })
  }
  const arns = Object.values(cluster.accessEntries)
    .filter((e) => policyArn === null || Object.prototype.hasOwnProperty.call(e.policies, policyArn))
    .map((e) => e.principalArn)
  const page = paginate(
    'ListAccessEntries',
    sortByKey(arns, (a) => a),
    (a) => a,
    ctx.req.query,
  )
  return respondJson({ accessEntries: page.items, nextToken: page.nextToken }, ctx.req.requestId)
}

/** POST /clusters/{name}/access-entries/{principalArn} — username and/or groups (groups replace the whole list). */
export const updateAccessEntryOp: Operation = (ctx) => {
  const { cluster, entry } = getAccessEntryOrThrow(ctx)
  rejectServiceLinkedRole(entry.principalArn)
  const username = readOptionalString(ctx.body, 'username')
  const groups = readOptionalStringList(ctx.body, 'kubernetesGroups')
  if (entry.type !== 'STANDARD' && (username !== undefined || groups !== undefined)) {
    throw invalidParameter(NOT_STANDARD_MESSAGE, { clusterName: cluster.name })
  }
  if (username !== undefined) validateUsername(username)
  if (groups !== undefined) validateKubernetesGroups(groups)
  return runMutation(ctx, 'UpdateAccessEntry', () => {
    if (username !== undefined) entry.username = username
    if (groups !== undefined) entry.kubernetesGroups = [...new Set(groups)]
    entry.modifiedAt = ctx.now
    return respondJson({ accessEntry: renderAccessEntry(entry, cluster.name) }, ctx.req.requestId)
  })
}

/** DELETE /clusters/{name}/access-entries/{principalArn} — its policy associations go with it (UG). */
export const deleteAccessEntryOp: Operation = (ctx) => {
  const { cluster, entry } = getAccessEntryOrThrow(ctx)
  rejectServiceLinkedRole(entry.principalArn)
  return runMutation(
    ctx,
    'DeleteAccessEntry',
    () => {
      delete cluster.accessEntries[entry.principalArn]
      return respondJson({}, ctx.req.requestId)
    },
    false,
  )
}
