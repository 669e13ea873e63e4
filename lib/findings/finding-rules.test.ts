// The rule catalogue names each rule the way the scanners people already run name it. KubiScan's names are those of
// its risky_roles.yaml (https://github.com/cyberark/KubiScan/blob/master/risky_roles.yaml); a rule KubiScan has no
// counterpart for cites none.
import { describe, expect, it } from 'vitest'

import { findingRules, type FindingRuleId } from './finding-rules'

const kubiScanNames = (id: FindingRuleId) =>
  findingRules[id].sources.filter((s) => s.tool === 'KubiScan').map((s) => s.name)

describe('findingRules: KubiScan names', () => {
  it.each<[FindingRuleId, string[]]>([
    ['subjects-with-open-cluster-wide-access', ['risky-any-verb']],
    ['subjects-with-open-ns-level-access', ['risky-any-verb']],
    ['risky-list-secrets', ['risky-list-secrets']],
    ['risky-get-secrets', ['risky-get-secrets']],
    ['risky-impersonate-privileged-groups', ['risky-impersonate-groups']],
    ['risky-any-resource-impersonate', ['risky-any-resource-impersonate']],
    [
      'bind_roles',
      [
        'risky-create-rolebinding-role',
        'risky-create-rolebinding-clusterrole',
        'risky-create-clusterrolebinding-clusterrole',
      ],
    ],
    ['risky-exec-pods', ['risky-exec-pods']],
    ['risky-attach-pods', ['risky-attach-pods']],
    ['nodes_proxy', ['risky-execute-command-node-proxy']],
    ['create-workloads-in-kube-system', ['risky-create-pod', 'risky-create-deployments', 'risky-create-daemonsets']],
    ['escalate_roles', []],
    ['eks_modify_aws_auth', []],
    ['approve_csrs', []],
    ['token_request', []],
    ['aws-auth-system-masters', []],
  ])('%s → KubiScan %j', (id, names) => {
    expect(kubiScanNames(id)).toEqual(names)
  })
})
