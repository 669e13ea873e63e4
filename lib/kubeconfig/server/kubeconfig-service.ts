import 'server-only'

import { formatShellCommand } from '@/lib/access/cli-commands'
import { ConsoleError } from '@/lib/api/console-error'
import { describeEksCluster } from '@/lib/aws/eks-clusters'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import {
  buildKubeconfig,
  buildKubeconfigCommandArgs,
  kubeconfigFileName,
  serializeKubeconfig,
} from '@/lib/kubeconfig/build-kubeconfig'
import type { GeneratedKubeconfig } from '@/lib/kubeconfig/generated-kubeconfig'
import type { KubeconfigOptions } from '@/lib/kubeconfig/kubeconfig-options'

// update-kubeconfig refuses other states ("Cluster status is CREATING"): DescribeCluster has no endpoint or CA yet,
// or the cluster is going away (docs/eks-token-and-kubeconfig.md#the-kubeconfig-update-kubeconfig-writes).
const USABLE_STATUSES = new Set(['ACTIVE', 'UPDATING'])

/**
 * The kubeconfig for one cluster, as `aws eks update-kubeconfig` would write it into an empty file, plus the
 * equivalent command. Holds no secret (the exec plugin fetches tokens on the user's machine), so viewers may have it.
 */
export async function generateKubeconfig(ref: ClusterRef, options: KubeconfigOptions): Promise<GeneratedKubeconfig> {
  const cluster = await describeEksCluster(ref.region, ref.name)
  const status = cluster.status ?? 'unknown'
  if (!USABLE_STATUSES.has(status) || !cluster.endpoint || !cluster.certificateAuthority?.data || !cluster.arn) {
    throw new ConsoleError(
      'conflict',
      `Cluster status is ${status}: a kubeconfig can be written once ${ref.name} is ACTIVE (or UPDATING).`,
    )
  }
  const doc = buildKubeconfig(
    { name: ref.name, arn: cluster.arn, endpoint: cluster.endpoint, caData: cluster.certificateAuthority.data },
    options,
  )
  return {
    yaml: serializeKubeconfig(doc),
    fileName: kubeconfigFileName(ref),
    contextName: doc['current-context'],
    command: formatShellCommand(buildKubeconfigCommandArgs(ref, options), { multiline: true }),
  }
}
