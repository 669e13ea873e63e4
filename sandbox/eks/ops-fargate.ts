// Fargate profile reads: ListFargateProfiles and DescribeFargateProfile, with the URIs and shapes of the EKS service
// model (https://docs.aws.amazon.com/eks/latest/APIReference/API_ListFargateProfiles.html,
// https://docs.aws.amazon.com/eks/latest/APIReference/API_DescribeFargateProfile.html). The console reads them to know
// which pod execution roles back Fargate profiles (EKS creates those roles' access entries itself).
import { resourceNotFound } from './errors'
import { getClusterOrThrow, type Operation } from './op-context'
import { paginate, sortByKey } from './pagination'
import type { FargateProfileRecord } from './records'
import { respondJson, toEpochSeconds } from './wire'

/** A FargateProfile as DescribeFargateProfile returns it. */
export function renderFargateProfile(p: FargateProfileRecord, clusterName: string): Record<string, unknown> {
  return {
    fargateProfileName: p.fargateProfileName,
    fargateProfileArn: p.fargateProfileArn,
    clusterName,
    createdAt: toEpochSeconds(p.createdAt),
    podExecutionRoleArn: p.podExecutionRoleArn,
    subnets: p.subnets,
    selectors: p.selectors,
    status: p.status,
    tags: p.tags,
    health: { issues: [] },
  }
}

/** GET /clusters/{name}/fargate-profiles → `{fargateProfileNames, nextToken}`. */
export const listFargateProfilesOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const names = sortByKey(Object.keys(cluster.fargateProfiles ?? {}), (n) => n)
  const page = paginate('ListFargateProfiles', names, (n) => n, ctx.req.query)
  return respondJson({ fargateProfileNames: page.items, nextToken: page.nextToken }, ctx.req.requestId)
}

/** GET /clusters/{name}/fargate-profiles/{fargateProfileName} → `{fargateProfile}`. */
export const describeFargateProfileOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const name = ctx.labels.fargateProfileName ?? ''
  const profile = cluster.fargateProfiles?.[name]
  if (!profile) {
    throw resourceNotFound(`No Fargate Profile found with name: ${name}.`, {
      clusterName: cluster.name,
      fargateProfileName: name,
    })
  }
  return respondJson({ fargateProfile: renderFargateProfile(profile, cluster.name) }, ctx.req.requestId)
}
