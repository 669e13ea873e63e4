import { findPrincipal } from '../iam/state'
import { buildPodIdentityAssociationArn } from './arns'
import { EksError, invalidParameter, resourceInUse, resourceNotFound } from './errors'
import { generateAssociationId, generateUuid } from './ids'
import { getClusterOrThrow, runMutation, type OpContext, type Operation } from './op-context'
import { paginate, sortByKey } from './pagination'
import type { ClusterRecord, PodIdentityAssociationRecord } from './records'
import { readOptionalBoolean, readOptionalString, readTags, requireString } from './request-body'
import { renderPodIdentityAssociation, renderPodIdentitySummary, respondJson } from './wire'

// EKS Pod Identity associations (docs/pod-identity.md).

/** Pod Identity associations per cluster: 5,000, not adjustable (docs/access-entries.md#limits-and-validation). */
const MAX_ASSOCIATIONS = 5000

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[^/]+\/)*[\w+=,.@-]{1,64}$/

function requireOwnRole(ctx: OpContext, roleArn: string): void {
  const match = ROLE_ARN.exec(roleArn)
  // roleArn is passed to the pods (iam:PassRole), so it must be a role of the cluster's own account.
  if (!match || match[1] !== ctx.world.account) {
    throw invalidParameter(
      `The roleArn ${roleArn} must be an IAM role in the cluster's account (${ctx.world.account}).`,
    )
  }
  const principal = findPrincipal(ctx.world.iam, roleArn)
  if (!principal || principal.kind !== 'role') throw invalidParameter(`The role ${roleArn} does not exist.`)
}

function checkTargetRole(targetRoleArn: string): void {
  // The target may live in any account: EKS assumes roleArn first, then the target (docs/pod-identity.md#roles-and-trust).
  if (!ROLE_ARN.test(targetRoleArn))
    throw invalidParameter(`The targetRoleArn ${targetRoleArn} is not a valid IAM role ARN.`)
}

function checkSessionPolicy(policy: string | undefined, disableSessionTags: boolean): void {
  if (policy !== undefined && policy !== '' && !disableSessionTags) {
    throw invalidParameter('A session policy can only be specified when disableSessionTags is true.')
  }
}

function checkName(value: string, member: string): void {
  if (value.length > 253 || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(value)) {
    throw invalidParameter(`${member} ${value} is not a valid Kubernetes name.`)
  }
}

function getAssociationOrThrow(ctx: OpContext): { cluster: ClusterRecord; association: PodIdentityAssociationRecord } {
  const cluster = getClusterOrThrow(ctx)
  const id = ctx.labels.associationId ?? ''
  const association = Object.prototype.hasOwnProperty.call(cluster.podIdentityAssociations, id)
    ? cluster.podIdentityAssociations[id]
    : undefined
  // UNVERIFIED wording.
  if (!association)
    throw resourceNotFound(`No Pod Identity Association found with id: ${id}.`, { clusterName: cluster.name })
  return { cluster, association }
}

/** POST /clusters/{name}/pod-identity-associations. */
export const createPodIdentityAssociationOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const namespace = requireString(ctx.body, 'namespace')
  const serviceAccount = requireString(ctx.body, 'serviceAccount')
  const roleArn = requireString(ctx.body, 'roleArn')
  const targetRoleArn = readOptionalString(ctx.body, 'targetRoleArn')
  const disableSessionTags = readOptionalBoolean(ctx.body, 'disableSessionTags') ?? false
  const policy = readOptionalString(ctx.body, 'policy')
  const tags = readTags(ctx.body)
  checkName(namespace, 'namespace')
  checkName(serviceAccount, 'serviceAccount')
  requireOwnRole(ctx, roleArn)
  if (targetRoleArn) checkTargetRole(targetRoleArn)
  checkSessionPolicy(policy, disableSessionTags)
  return runMutation(ctx, 'CreatePodIdentityAssociation', () => {
    const all = Object.values(cluster.podIdentityAssociations)
    // One role per service account per cluster.
    if (all.some((a) => a.namespace === namespace && a.serviceAccount === serviceAccount)) {
      throw resourceInUse(`Association already exists for service account ${namespace}/${serviceAccount}.`, {
        clusterName: cluster.name,
      })
    }
    if (all.length >= MAX_ASSOCIATIONS) {
      throw new EksError('ResourceLimitExceededException', 'The Pod Identity association limit has been reached.', {
        clusterName: cluster.name,
      })
    }
    const associationId = generateAssociationId()
    const record: PodIdentityAssociationRecord = {
      associationId,
      associationArn: buildPodIdentityAssociationArn(ctx.req.region, ctx.world.account, cluster.name, associationId),
      namespace,
      serviceAccount,
      roleArn,
      ...(targetRoleArn ? { targetRoleArn, externalId: generateUuid() } : {}),
      disableSessionTags,
      ...(policy ? { policy } : {}),
      tags,
      createdAt: ctx.now,
      modifiedAt: ctx.now,
    }
    cluster.podIdentityAssociations[associationId] = record
    return respondJson({ association: renderPodIdentityAssociation(record, cluster.name) }, ctx.req.requestId)
  })
}

/** GET /clusters/{name}/pod-identity-associations/{associationId}. */
export const describePodIdentityAssociationOp: Operation = (ctx) => {
  const { cluster, association } = getAssociationOrThrow(ctx)
  return respondJson({ association: renderPodIdentityAssociation(association, cluster.name) }, ctx.req.requestId)
}

/** GET /clusters/{name}/pod-identity-associations?namespace&serviceAccount — summaries without roleArn. */
export const listPodIdentityAssociationsOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const namespace = ctx.req.query.get('namespace')
  const serviceAccount = ctx.req.query.get('serviceAccount')
  const matching = Object.values(cluster.podIdentityAssociations).filter(
    (a) =>
      (namespace === null || a.namespace === namespace) &&
      (serviceAccount === null || a.serviceAccount === serviceAccount),
  )
  const sorted = sortByKey(matching, (a) => a.associationId)
  const page = paginate('ListPodIdentityAssociations', sorted, (a) => a.associationId, ctx.req.query)
  return respondJson(
    { associations: page.items.map((a) => renderPodIdentitySummary(a, cluster.name)), nextToken: page.nextToken },
    ctx.req.requestId,
  )
}

/** POST /clusters/{name}/pod-identity-associations/{associationId} — must change at least one setting. */
export const updatePodIdentityAssociationOp: Operation = (ctx) => {
  const { cluster, association } = getAssociationOrThrow(ctx)
  const roleArn = readOptionalString(ctx.body, 'roleArn')
  const targetRoleArn = readOptionalString(ctx.body, 'targetRoleArn')
  const disableSessionTags = readOptionalBoolean(ctx.body, 'disableSessionTags')
  const policy = readOptionalString(ctx.body, 'policy')
  if (roleArn !== undefined) requireOwnRole(ctx, roleArn)
  // An empty targetRoleArn removes the cross-account hop.
  if (targetRoleArn) checkTargetRole(targetRoleArn)
  const next = {
    roleArn: roleArn ?? association.roleArn,
    targetRoleArn: targetRoleArn === undefined ? association.targetRoleArn : targetRoleArn || undefined,
    disableSessionTags: disableSessionTags ?? association.disableSessionTags,
    policy: policy === undefined ? association.policy : policy || undefined,
  }
  checkSessionPolicy(next.policy, next.disableSessionTags)
  const changed =
    next.roleArn !== association.roleArn ||
    next.targetRoleArn !== association.targetRoleArn ||
    next.disableSessionTags !== association.disableSessionTags ||
    next.policy !== association.policy
  if (!changed) {
    throw invalidParameter(
      'No changes were requested: specify a new roleArn, targetRoleArn, disableSessionTags or policy.',
      {
        clusterName: cluster.name,
      },
    )
  }
  return runMutation(ctx, 'UpdatePodIdentityAssociation', () => {
    if (next.targetRoleArn !== association.targetRoleArn) {
      association.externalId = next.targetRoleArn ? generateUuid() : undefined
    }
    association.roleArn = next.roleArn
    association.targetRoleArn = next.targetRoleArn
    association.disableSessionTags = next.disableSessionTags
    association.policy = next.policy
    association.modifiedAt = ctx.now
    return respondJson({ association: renderPodIdentityAssociation(association, cluster.name) }, ctx.req.requestId)
  })
}

/** DELETE /clusters/{name}/pod-identity-associations/{associationId} — returns the deleted association. */
export const deletePodIdentityAssociationOp: Operation = (ctx) => {
  const { cluster, association } = getAssociationOrThrow(ctx)
  return runMutation(
    ctx,
    'DeletePodIdentityAssociation',
    () => {
      delete cluster.podIdentityAssociations[association.associationId]
      return respondJson({ association: renderPodIdentityAssociation(association, cluster.name) }, ctx.req.requestId)
    },
    false,
  )
}
