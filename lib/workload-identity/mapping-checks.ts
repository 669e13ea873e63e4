// The checks of one service account → IAM role mapping, from facts the server gathered. Pure, so each verdict can be
// tested from a table of facts. Facts: docs/pod-identity.md#agent (Auto Mode agent), docs/pod-identity.md (Pod Identity), docs/irsa.md (IRSA).
import { parseArn } from '@/lib/access/arn'
import { formatShellCommand } from '@/lib/access/cli-commands'

import { irsaChecks } from './irsa-checks'
import { roleName, roleProblem, type MappingFacts, type PodFacts } from './mapping-facts'
import { analysePodIdentityTrust, podIdentityContext } from './trust-analysis'
import { createAgentAddonCommand } from './workload-identity-commands'
import type { Check, PodIdentityDto, Verdict } from './workload-identity-schemas'

export type { MappingFacts, PodFacts, RoleFacts } from './mapping-facts'

/** Pods that started before the association existed run without its credentials until they are recreated. */
export function startedBefore(pod: { startTime: string | null }, createdAt: string | null): boolean {
  return !!pod.startTime && !!createdAt && Date.parse(pod.startTime) < Date.parse(createdAt)
}

function restartCommand(namespace: string, pods: PodFacts[]): string {
  const targets = new Set<string>()
  for (const pod of pods) {
    // A Deployment's pods are owned by ReplicaSet <deployment>-<pod-template-hash>.
    if (pod.owner?.kind === 'ReplicaSet') targets.add(`deployment/${pod.owner.name.replace(/-[a-z0-9]+$/, '')}`)
    else if (pod.owner?.kind === 'StatefulSet' || pod.owner?.kind === 'DaemonSet')
      targets.add(`${pod.owner.kind.toLowerCase()}/${pod.owner.name}`)
  }
  const orphans = pods.filter((p) => !['ReplicaSet', 'StatefulSet', 'DaemonSet'].includes(p.owner?.kind ?? ''))
  const commands = [...targets].map((t) => ['kubectl', 'rollout', 'restart', t, '--namespace', namespace])
  if (orphans.length > 0)
    commands.push(['kubectl', 'delete', 'pod', ...orphans.map((p) => p.name), '--namespace', namespace])
  return commands.map((argv) => formatShellCommand(argv)).join('\n')
}

function podIdentityChecks(f: MappingFacts, pia: PodIdentityDto): Check[] {
  const checks: Check[] = []
  const problem = roleProblem(f.podIdentityRole, pia.roleArn)
  if (problem) checks.push({ ...problem, id: 'pod-identity-trust', title: 'Role trusts EKS Pod Identity' })
  else if (f.podIdentityRole?.state === 'found') {
    const title = 'Role trusts EKS Pod Identity'
    if (!f.podIdentityRole.trust.ok) {
      checks.push({ id: 'pod-identity-trust', title, status: 'fail', reason: f.podIdentityRole.trust.error })
    } else {
      const context = podIdentityContext({
        clusterArn: f.cluster.arn,
        clusterName: f.cluster.name,
        namespace: f.namespace,
        serviceAccount: f.serviceAccount,
        account: f.cluster.account,
      })
      const v = analysePodIdentityTrust(f.podIdentityRole.trust.policy, context)
      checks.push({
        id: 'pod-identity-trust',
        title,
        status: v.status,
        reason: v.reason,
        ...(v.fixable ? { fix: { kind: 'trust-policy', mechanism: 'pod-identity', roleArn: pia.roleArn } } : {}),
      })
    }
  }
  const agent = f.cluster.agent
  const agentTitle = 'Pod Identity agent'
  if (f.cluster.autoMode)
    checks.push({
      id: 'pod-identity-agent',
      title: agentTitle,
      status: 'pass',
      reason: 'EKS Auto Mode nodes run the agent themselves; no add-on is needed.',
    })
  else if (agent.source === 'missing')
    checks.push({
      id: 'pod-identity-agent',
      title: agentTitle,
      status: 'fail',
      reason: 'The eks-pod-identity-agent add-on is not installed: pods get no Pod Identity credentials.',
      fix: { kind: 'command', label: 'Install the add-on', command: createAgentAddonCommand(f.cluster) },
    })
  else if (agent.status !== 'ACTIVE')
    checks.push({
      id: 'pod-identity-agent',
      title: agentTitle,
      status: 'fail',
      reason: `The eks-pod-identity-agent add-on is ${agent.status ?? 'in an unknown state'}, not ACTIVE.`,
    })
  else
    checks.push({
      id: 'pod-identity-agent',
      title: agentTitle,
      status: 'pass',
      reason: `The eks-pod-identity-agent add-on ${agent.version ?? ''} is ACTIVE.`.replace('  ', ' '),
    })
  const stale = f.pods.filter((p) => startedBefore(p, pia.createdAt))
  const restartTitle = 'Pods started after the association'
  if (f.pods.length === 0)
    checks.push({
      id: 'pod-identity-restart',
      title: restartTitle,
      status: 'info',
      reason: 'No pod uses this service account right now.',
    })
  else if (stale.length > 0)
    checks.push({
      id: 'pod-identity-restart',
      title: restartTitle,
      status: 'fail',
      reason: `${stale.length} of ${f.pods.length} pods started before the association was created (${pia.createdAt}) and run without its credentials until restarted: ${stale.map((p) => p.name).join(', ')}.`,
      fix: { kind: 'command', label: 'Restart them', command: restartCommand(f.namespace, stale) },
    })
  else
    checks.push({
      id: 'pod-identity-restart',
      title: restartTitle,
      status: 'pass',
      reason: `All ${f.pods.length} pods started after the association was created.`,
    })
  if (pia.targetRoleArn)
    checks.push({
      id: 'pod-identity-target',
      title: 'Cross-account target role',
      status: 'info',
      reason: `EKS assumes ${roleName(pia.roleArn)}, then ${pia.targetRoleArn}. That role's trust policy (account ${parseArn(pia.targetRoleArn)?.account ?? '?'}) must trust ${pia.roleArn} with sts:ExternalId ${pia.externalId ?? '(generated by EKS)'}; the console cannot read another account's IAM.`,
    })
  return checks
}

export function evaluateMapping(f: MappingFacts): Check[] {
  const checks: Check[] = []
  if (!f.serviceAccountExists)
    checks.push({
      id: 'service-account',
      title: 'Service account exists',
      status: 'warn',
      reason: `The cluster has no service account ${f.namespace}/${f.serviceAccount}; create it before pods can use the role.`,
    })
  if (f.podIdentity && f.irsa)
    checks.push({
      id: 'both-mechanisms',
      title: 'One mechanism per service account',
      status: 'warn',
      reason: `Both a Pod Identity association and an IRSA annotation are set. Pod Identity wins: pods get ${roleName(f.podIdentity.roleArn)}, not ${roleName(f.irsa.roleArn)}. Remove the annotation to avoid confusion.`,
    })
  if (f.podIdentity) checks.push(...podIdentityChecks(f, f.podIdentity))
  if (f.irsa) {
    // With both set, pods get the Pod Identity credentials; the IRSA checks are shown but do not decide the verdict.
    const irsa = irsaChecks(f, f.irsa)
    checks.push(
      ...(f.podIdentity
        ? irsa.map((c) =>
            c.status === 'pass'
              ? c
              : { ...c, status: 'info' as const, reason: `Ignored while Pod Identity is set: ${c.reason}` },
          )
        : irsa),
    )
  }
  return checks
}

/** The worst status among the checks (info does not count). */
export function summarizeVerdict(checks: readonly Check[]): Verdict {
  if (checks.some((c) => c.status === 'fail')) return 'fail'
  if (checks.some((c) => c.status === 'warn')) return 'warn'
  return 'pass'
}
