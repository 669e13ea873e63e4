// The checks of one service account → IAM role mapping, from facts the server gathered. Pure, so each verdict can be
// tested from a table of facts. Facts: reference §5 (Auto Mode agent), §8 (Pod Identity), §9 (IRSA).
import { parseArn } from '@/lib/access/arn'

import { analyseIrsaTrust, analysePodIdentityTrust, DEFAULT_IRSA_AUDIENCE, podIdentityContext } from './trust-analysis'
import type { ParsedTrustPolicy } from './trust-policy'
import { createAgentAddonCommand } from './workload-identity-commands'
import type { Check, ClusterIdentityFacts, IrsaDto, PodIdentityDto, Verdict } from './workload-identity-schemas'

/** What IAM said about a role. Roles of other accounts cannot be read with the console's credentials. */
export type RoleFacts =
  | { state: 'found'; trust: ParsedTrustPolicy }
  | { state: 'not-found' }
  | { state: 'other-account' }
  | { state: 'error'; message: string }

/** A pod of the service account, with its owner so a restart can name the Deployment. */
export type PodFacts = {
  name: string
  phase: string
  startTime: string | null
  owner?: { kind: string; name: string }
}

export type MappingFacts = {
  cluster: ClusterIdentityFacts
  namespace: string
  serviceAccount: string
  serviceAccountExists: boolean
  podIdentity: PodIdentityDto | null
  irsa: IrsaDto | null
  podIdentityRole?: RoleFacts
  irsaRole?: RoleFacts
  pods: PodFacts[]
}

const roleName = (arn: string) => parseArn(arn)?.name ?? arn

function roleProblem(role: RoleFacts | undefined, arn: string): Check | undefined {
  if (!role || role.state === 'found') return undefined
  const base = { id: 'role', title: 'IAM role' }
  if (role.state === 'not-found')
    return { ...base, status: 'fail', reason: `IAM has no role ${roleName(arn)} (${arn}): nobody can assume it.` }
  if (role.state === 'other-account')
    return {
      ...base,
      status: 'fail',
      reason: `${arn} is in another account; the role must be in the cluster's account.`,
    }
  return { ...base, status: 'info', reason: `The console could not read the role: ${role.message}` }
}

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
  const lines = [...targets].map((t) => `kubectl rollout restart ${t} --namespace ${namespace}`)
  if (orphans.length > 0)
    lines.push(`kubectl delete pod ${orphans.map((p) => p.name).join(' ')} --namespace ${namespace}`)
  return lines.join('\n')
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

function irsaChecks(f: MappingFacts, irsa: IrsaDto): Check[] {
  const checks: Check[] = []
  const issuerUrl = f.cluster.oidcIssuer
  const provider = f.cluster.oidcProvider
  const audience = irsa.audience || DEFAULT_IRSA_AUDIENCE
  const providerTitle = "IAM OIDC provider for the cluster's issuer"
  if (!issuerUrl || !provider) {
    checks.push({
      id: 'irsa-oidc-provider',
      title: providerTitle,
      status: 'fail',
      reason: 'The cluster reports no OIDC issuer.',
    })
    return checks
  }
  if (!provider.exists)
    checks.push({
      id: 'irsa-oidc-provider',
      title: providerTitle,
      status: 'fail',
      reason: `IAM has no OIDC provider for ${issuerUrl}: STS refuses every web identity token of this cluster.`,
      fix: { kind: 'create-oidc-provider' },
    })
  else if (!provider.clientIds.includes(audience))
    checks.push({
      id: 'irsa-oidc-provider',
      title: providerTitle,
      status: 'fail',
      reason: `The provider's client IDs (${provider.clientIds.join(', ') || 'none'}) do not include ${audience}, the token audience. Add it with aws iam add-client-id-to-open-id-connect-provider.`,
    })
  else
    checks.push({
      id: 'irsa-oidc-provider',
      title: providerTitle,
      status: 'pass',
      reason: `${provider.arn} exists with client ID ${audience}.`,
    })
  const trustTitle = 'Role trusts this service account'
  const problem = roleProblem(f.irsaRole, irsa.roleArn)
  if (problem) checks.push({ ...problem, id: 'irsa-trust', title: trustTitle })
  else if (f.irsaRole?.state === 'found') {
    if (!f.irsaRole.trust.ok)
      checks.push({ id: 'irsa-trust', title: trustTitle, status: 'fail', reason: f.irsaRole.trust.error })
    else {
      const issuer = issuerUrl.replace(/^https:\/\//, '')
      const v = analyseIrsaTrust(f.irsaRole.trust.policy, {
        providerArn: provider.arn,
        issuer,
        namespace: f.namespace,
        serviceAccount: f.serviceAccount,
        audience,
      })
      checks.push({
        id: 'irsa-trust',
        title: trustTitle,
        status: v.status,
        reason: v.reason,
        ...(v.fixable ? { fix: { kind: 'trust-policy', mechanism: 'irsa', roleArn: irsa.roleArn } } : {}),
      })
    }
  }
  return checks
}

/** Every check of a mapping, Pod Identity first; a service account with both mechanisms is flagged. */
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
