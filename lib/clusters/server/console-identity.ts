import 'server-only'

import { isConsoleError } from '@/lib/api/console-error'
import { getCallerIdentity } from '@/lib/aws/sts-identity'
import type { ClusterRef, ConsoleIdentity } from '@/lib/clusters/cluster-schemas'
import { whoAmI } from '@/lib/k8s/kube-reviews'

/**
 * "The console acts as <ARN> → Kubernetes user <name>, groups <…>": STS GetCallerIdentity (fails the call: without AWS
 * credentials nothing works) and SelfSubjectReview (a refusal is reported in `kubernetes`, since a cluster without an
 * access entry for the console is a normal state to show, not a crash).
 */
export async function getConsoleIdentity(ref: ClusterRef): Promise<ConsoleIdentity> {
  const [aws, kubernetes] = await Promise.all([
    getCallerIdentity(ref.region),
    whoAmI(ref).then(
      (user) => ({ ok: true as const, username: user.username, uid: user.uid, groups: user.groups }),
      (error: unknown) => {
        // Every mapped failure (refused, unreachable, bad certificate…) is shown on the panel; only a bug throws.
        if (!isConsoleError(error)) throw error
        return { ok: false as const, code: error.code, message: error.message }
      },
    ),
  ])
  return { aws, kubernetes }
}
