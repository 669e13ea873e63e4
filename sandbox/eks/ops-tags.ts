import { parseEksResourceArn } from './arns'
import { EksError } from './errors'
import type { OpContext, Operation } from './op-context'
import { readOptionalStringMap, validateTags } from './request-body'
import { findCluster } from './state'
import { respondJson } from './wire'

// TagResource / UntagResource / ListTagsForResource on cluster, access entry, Pod Identity association, identity
// provider config, node group and add-on ARNs. The model gives these operations BadRequestException and
// NotFoundException (not the ResourceNotFound family the other operations use).

function findTagsOrThrow(ctx: OpContext): Record<string, string> {
  const arn = ctx.labels.resourceArn ?? ''
  const parsed = parseEksResourceArn(arn)
  if (!parsed) throw new EksError('BadRequestException', `The resource ARN ${arn} is not a valid EKS resource ARN.`)
  const notFound = new EksError('NotFoundException', `The resource ${arn} could not be found.`)
  // An EKS endpoint only knows its own region's resources.
  if (parsed.region !== ctx.req.region || parsed.account !== ctx.world.account) throw notFound
  const cluster = findCluster(ctx.world.eks, parsed.region, parsed.clusterName)
  if (!cluster) throw notFound
  const holders: { arn: string; tags: Record<string, string> }[] = (() => {
    switch (parsed.resourceType) {
      case 'cluster':
        return [cluster]
      case 'access-entry':
        return Object.values(cluster.accessEntries).map((e) => ({ arn: e.accessEntryArn, tags: e.tags }))
      case 'podidentityassociation':
        return Object.values(cluster.podIdentityAssociations).map((a) => ({ arn: a.associationArn, tags: a.tags }))
      case 'identityproviderconfig':
        return Object.values(cluster.identityProviderConfigs).map((c) => ({
          arn: c.identityProviderConfigArn,
          tags: c.tags,
        }))
      case 'nodegroup':
        return Object.values(cluster.nodegroups).map((n) => ({ arn: n.nodegroupArn, tags: n.tags }))
      case 'addon':
        return Object.values(cluster.addons).map((a) => ({ arn: a.addonArn, tags: a.tags }))
      default:
        return []
    }
  })()
  const holder = holders.find((h) => h.arn === arn)
  if (!holder) throw notFound
  return holder.tags
}

/** POST /tags/{resourceArn} — merges the given tags. */
export const tagResourceOp: Operation = (ctx) => {
  const tags = findTagsOrThrow(ctx)
  const added = readOptionalStringMap(ctx.body, 'tags')
  if (!added || Object.keys(added).length === 0) throw new EksError('BadRequestException', 'tags is required.')
  validateTags({ ...tags, ...added }, 'BadRequestException')
  Object.assign(tags, added)
  ctx.markDirty()
  return respondJson({}, ctx.req.requestId)
}

/** DELETE /tags/{resourceArn}?tagKeys=a&tagKeys=b. */
export const untagResourceOp: Operation = (ctx) => {
  const tags = findTagsOrThrow(ctx)
  const keys = ctx.req.query.getAll('tagKeys')
  if (keys.length === 0) throw new EksError('BadRequestException', 'tagKeys is required.')
  for (const key of keys) delete tags[key]
  ctx.markDirty()
  return respondJson({}, ctx.req.requestId)
}

/** GET /tags/{resourceArn}. */
export const listTagsForResourceOp: Operation = (ctx) => respondJson({ tags: findTagsOrThrow(ctx) }, ctx.req.requestId)
