// Wires the Kubernetes API's authentication and access-policy hooks to the sandbox's AWS world: EKS bearer token →
// verified STS caller (sandbox/sts) → EKS identity mapping over the cluster's access entries and aws-auth → the
// entry's associated access policies.
import type { Caller } from '../core/aws-types'
import { USER_ARNS } from '../core/seed-constants'
import type { World } from '../core/world'
import type { ClusterRecord } from '../eks/records'
import { findCluster } from '../eks/state'
import { verifyEksBearerToken } from '../sts/presigned-caller'
import { readAwsAuthData } from './aws-auth-reader'
import { resolveEksIdentity, type IdentityMappingInput, type ResolvedIdentity } from './eks-identity'
import type { StartKubeApiOptions } from './kube-api-server'
import type { KubeStore } from './kube-store'
import { buildStorageKey } from './resources'
import type { AccessPolicyGrant, ClusterRef, UserInfo } from './types'

export interface EksAuthBridgeOptions {
  getWorld(): World
  store: KubeStore
  /** Extra `host[:port]` the sandbox's STS endpoint is reachable on (besides loopback). */
  ownHosts?: string[]
  /** Who created a cluster; the seed story says IAM user `admin` created every cluster. */
  clusterCreatorArn?(cluster: ClusterRecord): string | undefined
}

/** `{{EC2PrivateDNSName}}`: the node whose providerID ends in the instance ID (ec2:DescribeInstances upstream). */
function buildDnsResolver(store: KubeStore, ref: ClusterRef): (instanceId: string) => string | undefined {
  return (instanceId) => {
    const nodes = store.getCluster(ref)?.collection(buildStorageKey('', 'nodes'))
    for (const n of nodes?.iterate() ?? []) {
      const spec = n.spec as { providerID?: string } | undefined
      if (spec?.providerID?.endsWith(`/${instanceId}`)) {
        const addresses = (n.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses
        return addresses?.find((a) => a.type === 'InternalDNS')?.address ?? n.metadata.name
      }
    }
    return undefined
  }
}

function resolveFor(opts: EksAuthBridgeOptions, ref: ClusterRef, caller: Caller): ResolvedIdentity | undefined {
  const cluster = findCluster(opts.getWorld().eks, ref.region, ref.name)
  if (!cluster) return undefined
  const input: IdentityMappingInput = {
    authenticationMode: cluster.authenticationMode,
    accessEntries: Object.values(cluster.accessEntries),
    awsAuth: readAwsAuthData(opts.store, ref),
    caller,
    resolveEc2PrivateDnsName: buildDnsResolver(opts.store, ref),
    clusterCreatorArn: cluster.bootstrapClusterCreatorAdminPermissions
      ? (opts.clusterCreatorArn?.(cluster) ?? USER_ARNS.admin)
      : undefined,
  }
  return resolveEksIdentity(input)
}

/** Rebuilds the STS caller from the `extra` the mapping put on the user (undefined for SubjectAccessReview subjects). */
function readCaller(user: UserInfo): Caller | undefined {
  const arn = user.extra?.arn?.[0]
  const userId = user.extra?.principalId?.[0]
  const accessKeyId = user.extra?.accessKeyId?.[0]
  const account = /^arn:[^:]+:(?:sts|iam)::(\d{12}):/.exec(arn ?? '')?.[1]
  return arn && userId && accessKeyId && account ? { arn, userId, accessKeyId, account } : undefined
}

/** The `authenticate` and `accessPoliciesFor` hooks for startKubeApi, backed by the sandbox's AWS world. */
export function createEksAuthBridge(
  opts: EksAuthBridgeOptions,
): Pick<StartKubeApiOptions, 'authenticate' | 'accessPoliciesFor'> {
  return {
    async authenticate({ cluster, bearerToken }) {
      if (!bearerToken) return undefined
      let caller: Caller
      try {
        // The token must have been minted for this cluster: x-k8s-aws-id is part of the signature.
        caller = await verifyEksBearerToken(bearerToken, cluster.name, opts.getWorld(), { ownHosts: opts.ownHosts })
      } catch {
        return undefined
      }
      return resolveFor(opts, cluster, caller)?.user
    },
    accessPoliciesFor(cluster, user): AccessPolicyGrant[] {
      const caller = readCaller(user)
      const resolved = caller ? resolveFor(opts, cluster, caller) : undefined
      // Impersonated or reviewed subjects carry no AWS identity: access policies apply only to the real caller.
      if (!resolved?.accessEntry || resolved.user.username !== user.username) return []
      const entry = findCluster(opts.getWorld().eks, cluster.region, cluster.name)?.accessEntries[
        resolved.accessEntry.principalArn
      ]
      return Object.values(entry?.policies ?? {}).map((p) => ({
        policyArn: p.policyArn,
        scope:
          p.accessScope.type === 'cluster'
            ? { type: 'cluster' }
            : { type: 'namespace', namespaces: p.accessScope.namespaces },
      }))
    },
  }
}
