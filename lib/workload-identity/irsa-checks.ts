// The IRSA checks of a mapping (docs/irsa.md): the IAM OIDC provider for the issuer, and the role's trust policy.
import { roleProblem, type MappingFacts } from './mapping-facts'
import { analyseIrsaTrust, DEFAULT_IRSA_AUDIENCE } from './trust-analysis'
import type { Check, IrsaDto } from './workload-identity-schemas'

/** The IRSA checks of one service account. */
export function irsaChecks(f: MappingFacts, irsa: IrsaDto): Check[] {
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
      reason: `The provider's client IDs (${provider.clientIds.join(', ') || 'none'}) do not include ${audience}, the token audience: STS refuses this service account's web identity tokens.`,
      fix: { kind: 'add-client-id', audience },
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
