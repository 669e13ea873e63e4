// Workload identity's own checks (lib/workload-identity/mapping-checks.ts, shown on the service account page) as
// findings: a failing check means the workload's pods do not get the IAM role they are meant to.
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { Check } from '@/lib/workload-identity/workload-identity-schemas'

import type { FindingCollector } from './finding-collector'
import { workloadIdentityFix } from './fix-links'

/** One service account's mapping and the checks workload identity ran on it. */
export type WorkloadChecks = { namespace: string; serviceAccount: string; roleArn: string; checks: readonly Check[] }

/** Reports every failing workload-identity check of one cluster into the collector. */
export function collectWorkloadIdentityFindings(
  cluster: ClusterRef,
  mappings: readonly WorkloadChecks[],
  out: FindingCollector,
): void {
  for (const m of mappings) {
    const who = `ServiceAccount ${m.namespace}/${m.serviceAccount}`
    for (const check of m.checks) {
      if (check.status !== 'fail') continue
      out.add({
        ruleId: 'workload-identity-check-failed',
        subjectKey: `workload|${m.namespace}/${m.serviceAccount}|${check.id}`,
        subject: who,
        message: () => `${check.title}: ${check.reason}`,
        namespace: m.namespace,
        path: { steps: [who, `IAM role ${m.roleArn || '(none)'}`, `check ${check.id}: ${check.title}`], rule: null },
        fix: workloadIdentityFix(cluster, m.namespace, m.serviceAccount),
      })
    }
  }
}
