import 'server-only'

import { parseArn } from '@/lib/access/arn'
import { ConsoleError } from '@/lib/api/console-error'
import { auditedWrite, type Actor } from '@/lib/audit/server/audited-write'
import { addOidcProviderClientId, createOidcProvider } from '@/lib/aws/iam-oidc-providers'
import { createIamRole, getRoleTrust, updateRoleTrustPolicy } from '@/lib/aws/iam-roles'
import { listPodIdentityAssociations } from '@/lib/aws/pod-identity'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { getServiceAccount } from '@/lib/k8s/kube-service-accounts'
import { DEFAULT_IRSA_AUDIENCE, type IrsaRequest } from '@/lib/workload-identity/trust-analysis'
import {
  buildTrustPolicy,
  fixIrsaTrust,
  fixPodIdentityTrust,
  irsaStatement,
  podIdentityStatement,
} from '@/lib/workload-identity/trust-fix'
import { formatTrustPolicy, parseTrustPolicy } from '@/lib/workload-identity/trust-policy'
import type {
  ClusterIdentityFacts,
  CreateWorkloadRoleInput,
  Mechanism,
  TrustFixPreview,
} from '@/lib/workload-identity/workload-identity-schemas'

import { loadClusterIdentityFacts } from './cluster-identity-facts'
import { readIrsa } from './mapping-service'

type FixTarget = { namespace: string; serviceAccount: string; mechanism: Mechanism }

function irsaRequestFor(
  facts: ClusterIdentityFacts,
  t: { namespace: string; serviceAccount: string },
  audience?: string | null,
): IrsaRequest {
  if (!facts.oidcIssuer || !facts.oidcProvider) {
    throw new ConsoleError('conflict', `The cluster ${facts.name} reports no OIDC issuer, so IRSA cannot work on it.`)
  }
  return {
    providerArn: facts.oidcProvider.arn,
    issuer: facts.oidcIssuer.replace(/^https:\/\//, ''),
    namespace: t.namespace,
    serviceAccount: t.serviceAccount,
    audience: audience || DEFAULT_IRSA_AUDIENCE,
  }
}

async function mappedRole(ref: ClusterRef, t: FixTarget): Promise<{ roleArn: string; audience?: string | null }> {
  if (t.mechanism === 'pod-identity') {
    const all = await listPodIdentityAssociations({ region: ref.region, cluster: ref.name })
    const association = all.find((a) => a.namespace === t.namespace && a.serviceAccount === t.serviceAccount)
    if (!association)
      throw new ConsoleError('not_found', `${t.namespace}/${t.serviceAccount} has no Pod Identity association.`)
    return { roleArn: association.roleArn }
  }
  const irsa = readIrsa(await getServiceAccount(ref, t.namespace, t.serviceAccount))
  if (!irsa)
    throw new ConsoleError(
      'not_found',
      `${t.namespace}/${t.serviceAccount} has no eks.amazonaws.com/role-arn annotation.`,
    )
  return { roleArn: irsa.roleArn, audience: irsa.audience }
}

/**
 * The trust policy before and after the fix for one mapping, computed from what IAM holds now. Every statement of the
 * current policy is in `after`, unchanged or with actions added (lib/identity/trust-fix).
 */
export async function previewTrustFix(ref: ClusterRef, t: FixTarget): Promise<TrustFixPreview & { roleName: string }> {
  const facts = await loadClusterIdentityFacts(ref)
  const { roleArn, audience } = await mappedRole(ref, t)
  if (parseArn(roleArn)?.account !== facts.account) {
    throw new ConsoleError(
      'conflict',
      `${roleArn} is in another account; the console can only change roles in ${facts.account}.`,
    )
  }
  const role = await getRoleTrust(ref.region, roleArn)
  if (!role) throw new ConsoleError('not_found', `IAM has no role ${roleArn}.`)
  const parsed = parseTrustPolicy(role.trustPolicyDocument)
  if (!parsed.ok)
    throw new ConsoleError('conflict', `The console cannot fix a trust policy it cannot read: ${parsed.error}`)
  const after =
    t.mechanism === 'pod-identity'
      ? fixPodIdentityTrust(parsed.policy)
      : fixIrsaTrust(parsed.policy, irsaRequestFor(facts, t, audience))
  return {
    roleArn: role.arn,
    roleName: role.name,
    before: formatTrustPolicy(parsed.policy),
    after: formatTrustPolicy(after),
    reason:
      t.mechanism === 'pod-identity'
        ? 'Allow pods.eks.amazonaws.com to call sts:AssumeRole and sts:TagSession.'
        : `Allow this cluster's OIDC provider to assume the role for system:serviceaccount:${t.namespace}:${t.serviceAccount}.`,
  }
}

/**
 * Applies the fix with UpdateAssumeRolePolicy, but only if IAM still holds the policy the person reviewed
 * (`expectedPolicy`); otherwise 409, so a change made meanwhile is never overwritten.
 */
export async function applyTrustFix(
  ref: ClusterRef,
  t: FixTarget & { expectedPolicy: string },
  actor: Actor,
): Promise<TrustFixPreview> {
  const preview = await previewTrustFix(ref, t)
  if (preview.before !== t.expectedPolicy) {
    throw new ConsoleError(
      'conflict',
      "The role's trust policy changed since you reviewed the fix. Review the new diff and apply again.",
    )
  }
  await auditedWrite(
    { actor, action: 'iam-role.update-trust-policy', cluster: ref, target: preview.roleArn, before: preview.before },
    () => updateRoleTrustPolicy(ref.region, preview.roleName, JSON.stringify(JSON.parse(preview.after))),
    () => preview.after,
  )
  return { roleArn: preview.roleArn, before: preview.before, after: preview.after, reason: preview.reason }
}

/** CreateOpenIDConnectProvider for the cluster's issuer (client ID sts.amazonaws.com). */
export async function createClusterOidcProvider(ref: ClusterRef, actor: Actor): Promise<{ arn: string }> {
  const facts = await loadClusterIdentityFacts(ref)
  if (!facts.oidcIssuer) throw new ConsoleError('conflict', `The cluster ${ref.name} reports no OIDC issuer.`)
  if (facts.oidcProvider?.exists) throw new ConsoleError('conflict', `IAM already has ${facts.oidcProvider.arn}.`)
  const issuer = facts.oidcIssuer
  const arn = await auditedWrite(
    { actor, action: 'iam-oidc-provider.create', cluster: ref, target: issuer, before: null },
    () => createOidcProvider(ref.region, issuer),
    (created) => ({ arn: created, clientIds: ['sts.amazonaws.com'] }),
  )
  return { arn }
}

/**
 * AddClientIDToOpenIDConnectProvider for the cluster's provider, so tokens with `aud` = `audience` are accepted by
 * STS. Refused (409) when IAM has no provider for the issuer (create it first) or it already lists the audience, so
 * the audit log only records changes that happened.
 */
export async function addClusterOidcClientId(
  ref: ClusterRef,
  audience: string,
  actor: Actor,
): Promise<{ arn: string; clientIds: string[] }> {
  const facts = await loadClusterIdentityFacts(ref)
  const provider = facts.oidcProvider
  if (!facts.oidcIssuer || !provider)
    throw new ConsoleError('conflict', `The cluster ${ref.name} reports no OIDC issuer.`)
  if (!provider.exists) {
    throw new ConsoleError(
      'conflict',
      `IAM has no OIDC provider for ${facts.oidcIssuer}. Create the provider first; it starts with client ID sts.amazonaws.com.`,
    )
  }
  if (provider.clientIds.includes(audience))
    throw new ConsoleError('conflict', `${provider.arn} already has client ID ${audience}.`)
  // IAM's quota is 100 client IDs per provider; its LimitExceeded would reach the person as an opaque upstream error.
  if (provider.clientIds.length >= 100)
    throw new ConsoleError('conflict', `${provider.arn} already has 100 client IDs, the most IAM allows.`)
  const before = provider.clientIds
  const clientIds = [...before, audience]
  await auditedWrite(
    {
      actor,
      action: 'iam-oidc-provider.add-client-id',
      cluster: ref,
      target: provider.arn,
      before: { clientIds: before },
    },
    () => addOidcProviderClientId(ref.region, provider.arn, audience),
    () => ({ clientIds }),
  )
  return { arn: provider.arn, clientIds }
}

/** CreateRole with the trust policy Pod Identity or IRSA needs for this service account on this cluster. */
export async function createWorkloadRole(
  input: CreateWorkloadRoleInput,
  actor: Actor,
): Promise<{ arn: string; name: string; trustPolicy: string }> {
  const ref = { region: input.region, name: input.cluster }
  const statement =
    input.mechanism === 'pod-identity'
      ? podIdentityStatement()
      : irsaStatement(irsaRequestFor(await loadClusterIdentityFacts(ref), input))
  const trustPolicy = formatTrustPolicy(buildTrustPolicy(statement))
  const role = await auditedWrite(
    { actor, action: 'iam-role.create', cluster: ref, target: input.roleName },
    () =>
      createIamRole(input.region, {
        roleName: input.roleName,
        trustPolicy,
        description:
          input.description ||
          `${input.mechanism === 'irsa' ? 'IRSA' : 'Pod Identity'}: ${input.namespace}/${input.serviceAccount} on ${input.cluster}`,
      }),
    (created) => ({ ...created, trustPolicy }),
  )
  return { ...role, trustPolicy }
}
