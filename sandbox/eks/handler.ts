import type { AwsRequest, AwsResponse, ServiceContext } from '../core/aws-types'
import { authorizeEksCall } from './eks-authorization'
import { EksError, renderEksError } from './errors'
import type { Operation } from './op-context'
import {
  createAccessEntryOp,
  deleteAccessEntryOp,
  describeAccessEntryOp,
  listAccessEntriesOp,
  updateAccessEntryOp,
} from './ops-access-entries'
import {
  associateAccessPolicyOp,
  disassociateAccessPolicyOp,
  listAccessPoliciesOp,
  listAssociatedAccessPoliciesOp,
} from './ops-access-policies'
import { createClusterOp, deleteClusterOp } from './ops-cluster-lifecycle'
import {
  describeAddonOp,
  describeClusterOp,
  describeNodegroupOp,
  describeUpdateOp,
  listAddonsOp,
  listClustersOp,
  listNodegroupsOp,
  listUpdatesOp,
  updateClusterConfigOp,
} from './ops-clusters'
import { describeFargateProfileOp, listFargateProfilesOp } from './ops-fargate'
import {
  associateIdentityProviderConfigOp,
  describeIdentityProviderConfigOp,
  disassociateIdentityProviderConfigOp,
  listIdentityProviderConfigsOp,
} from './ops-identity-providers'
import {
  createAddonOp,
  createNodegroupOp,
  deleteAddonOp,
  deleteNodegroupOp,
  updateAddonOp,
} from './ops-nodegroups-addons'
import {
  createPodIdentityAssociationOp,
  deletePodIdentityAssociationOp,
  describePodIdentityAssociationOp,
  listPodIdentityAssociationsOp,
  updatePodIdentityAssociationOp,
} from './ops-pod-identity'
import { listTagsForResourceOp, tagResourceOp, untagResourceOp } from './ops-tags'
import { parseJsonBody } from './request-body'
import { matchEksRoute, type EksOperation } from './router'

const OPERATIONS: Record<EksOperation, Operation> = {
  ListClusters: listClustersOp,
  CreateCluster: createClusterOp,
  DescribeCluster: describeClusterOp,
  DeleteCluster: deleteClusterOp,
  CreateNodegroup: createNodegroupOp,
  DeleteNodegroup: deleteNodegroupOp,
  CreateAddon: createAddonOp,
  DeleteAddon: deleteAddonOp,
  UpdateAddon: updateAddonOp,
  UpdateClusterConfig: updateClusterConfigOp,
  ListUpdates: listUpdatesOp,
  DescribeUpdate: describeUpdateOp,
  ListNodegroups: listNodegroupsOp,
  DescribeNodegroup: describeNodegroupOp,
  ListFargateProfiles: listFargateProfilesOp,
  DescribeFargateProfile: describeFargateProfileOp,
  ListAddons: listAddonsOp,
  DescribeAddon: describeAddonOp,
  CreateAccessEntry: createAccessEntryOp,
  ListAccessEntries: listAccessEntriesOp,
  DescribeAccessEntry: describeAccessEntryOp,
  UpdateAccessEntry: updateAccessEntryOp,
  DeleteAccessEntry: deleteAccessEntryOp,
  AssociateAccessPolicy: associateAccessPolicyOp,
  ListAssociatedAccessPolicies: listAssociatedAccessPoliciesOp,
  DisassociateAccessPolicy: disassociateAccessPolicyOp,
  ListAccessPolicies: listAccessPoliciesOp,
  CreatePodIdentityAssociation: createPodIdentityAssociationOp,
  ListPodIdentityAssociations: listPodIdentityAssociationsOp,
  DescribePodIdentityAssociation: describePodIdentityAssociationOp,
  UpdatePodIdentityAssociation: updatePodIdentityAssociationOp,
  DeletePodIdentityAssociation: deletePodIdentityAssociationOp,
  AssociateIdentityProviderConfig: associateIdentityProviderConfigOp,
  DescribeIdentityProviderConfig: describeIdentityProviderConfigOp,
  DisassociateIdentityProviderConfig: disassociateIdentityProviderConfigOp,
  ListIdentityProviderConfigs: listIdentityProviderConfigsOp,
  TagResource: tagResourceOp,
  UntagResource: untagResourceOp,
  ListTagsForResource: listTagsForResourceOp,
}

/**
 * Serves one SigV4-verified EKS request (restJson1) against the world, once the caller's identity policies allow it.
 * Errors are rendered as EKS renders them (status per shape, `x-amzn-ErrorType`, JSON `{message, …}`);
 * `ctx.markDirty()` follows every successful mutation.
 */
export async function handleEks(req: AwsRequest, ctx: ServiceContext): Promise<AwsResponse> {
  const route = matchEksRoute(req.method, req.rawPath)
  try {
    if (!route) {
      throw new EksError('NotFoundException', `No EKS operation matches ${req.method} ${req.rawPath.split('?')[0]}.`)
    }
    const body = parseJsonBody(req.body)
    authorizeEksCall(route, body, ctx.world.iam, req)
    return OPERATIONS[route.operation]({
      world: ctx.world,
      req,
      labels: route.labels,
      body,
      now: Date.now(),
      markDirty: () => ctx.markDirty(),
      clustersChanged: ctx.clustersChanged,
    })
  } catch (error) {
    if (error instanceof EksError) return renderEksError(error, req.requestId)
    const message = error instanceof Error ? error.message : String(error)
    return renderEksError(new EksError('ServerException', `Internal error: ${message}`), req.requestId)
  }
}
