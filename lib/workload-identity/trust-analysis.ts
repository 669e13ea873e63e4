// Does a role's trust policy let EKS Pod Identity or IRSA assume it? Pure: the caller supplies the parsed policy and
// what the request would carry. Facts: docs/pod-identity.md#roles-and-trust (Pod Identity trust) and docs/irsa.md#trust-policy (IRSA trust).
import { evaluateConditions, type ConditionContext } from './trust-conditions'
import { statementCoversAction, statementNamesPrincipal, statementPrincipals, type TrustPolicy } from './trust-policy'

/** The Pod Identity service principal (EKS Auth assumes the role as this service). */
export const POD_IDENTITY_PRINCIPAL = 'pods.eks.amazonaws.com'
/** Pod Identity needs both: EKS Auth tags every session with the pod's cluster, namespace and service account. */
export const POD_IDENTITY_ACTIONS = ['sts:AssumeRole', 'sts:TagSession'] as const
export const IRSA_ACTION = 'sts:AssumeRoleWithWebIdentity'
/** The `aud` of a projected IRSA token unless the service account's `eks.amazonaws.com/audience` says otherwise. */
export const DEFAULT_IRSA_AUDIENCE = 'sts.amazonaws.com'

/** A verdict on one question, with the reason in words. */
export type TrustVerdict = { status: 'pass' | 'warn' | 'fail'; reason: string; fixable: boolean }

type Request = { principalType: 'Service' | 'Federated'; principal: string; action: string; context: ConditionContext }

/** How IAM would answer one action: an Allow must match and no Deny may (an explicit Deny always wins). */
function evaluateAction(policy: TrustPolicy, request: Request) {
  const named = policy.Statement.filter(
    (s) =>
      statementNamesPrincipal(s, request.principalType, request.principal) && statementCoversAction(s, request.action),
  )
  const denied = named.find((s) => s.Effect === 'Deny' && evaluateConditions(s, request.context).result === 'match')
  const allows = named
    .filter((s) => s.Effect === 'Allow')
    .map((s) => ({ s, c: evaluateConditions(s, request.context) }))
  const allowed = allows.find((a) => a.c.result === 'match')
  const maybe = allows.find((a) => a.c.result === 'unknown')
  return { denied, allowed, maybe, allows }
}

/** The session tags EKS Pod Identity sets (docs/pod-identity.md#session-tags), so conditions on them can be evaluated. */
export function podIdentityContext(input: {
  clusterArn: string
  clusterName: string
  namespace: string
  serviceAccount: string
  account: string
}): ConditionContext {
  return {
    'aws:requesttag/eks-cluster-arn': input.clusterArn,
    'aws:requesttag/eks-cluster-name': input.clusterName,
    'aws:requesttag/kubernetes-namespace': input.namespace,
    'aws:requesttag/kubernetes-service-account': input.serviceAccount,
    'aws:sourceaccount': input.account,
    'aws:sourcearn': input.clusterArn,
  }
}

/** Checks that `pods.eks.amazonaws.com` may call sts:AssumeRole and sts:TagSession on the role. */
export function analysePodIdentityTrust(policy: TrustPolicy, context: ConditionContext): TrustVerdict {
  const missing: string[] = []
  const conditional: string[] = []
  for (const action of POD_IDENTITY_ACTIONS) {
    const r = evaluateAction(policy, { principalType: 'Service', principal: POD_IDENTITY_PRINCIPAL, action, context })
    if (r.denied) {
      return {
        status: 'fail',
        reason: `A Deny statement${r.denied.Sid ? ` (${String(r.denied.Sid)})` : ''} blocks ${action} for ${POD_IDENTITY_PRINCIPAL}; remove it by hand.`,
        fixable: false,
      }
    }
    if (!r.allowed && r.maybe && r.maybe.c.result === 'unknown') conditional.push(...r.maybe.c.keys)
    else if (!r.allowed) missing.push(action)
  }
  if (missing.length > 0) {
    return {
      status: 'fail',
      reason: `The trust policy does not allow ${POD_IDENTITY_PRINCIPAL} to call ${missing.join(' and ')}; EKS cannot hand the role to pods.`,
      fixable: true,
    }
  }
  if (conditional.length > 0) {
    return {
      status: 'warn',
      reason: `${POD_IDENTITY_PRINCIPAL} is allowed only under conditions the console cannot evaluate: ${[...new Set(conditional)].join(', ')}.`,
      fixable: false,
    }
  }
  return {
    status: 'pass',
    reason: `Trusts ${POD_IDENTITY_PRINCIPAL} with sts:AssumeRole and sts:TagSession.`,
    fixable: false,
  }
}

/** What an IRSA token from this cluster carries. `issuer` is the issuer URL without `https://`. */
export type IrsaRequest = {
  providerArn: string
  issuer: string
  namespace: string
  serviceAccount: string
  audience: string
}

/** The `sub` claim of a service account's projected token. */
export function irsaSubject(namespace: string, serviceAccount: string): string {
  return `system:serviceaccount:${namespace}:${serviceAccount}`
}

/** Checks that the role trusts the cluster's OIDC provider for this service account's token (sub and aud). */
export function analyseIrsaTrust(policy: TrustPolicy, request: IrsaRequest): TrustVerdict {
  const subject = irsaSubject(request.namespace, request.serviceAccount)
  const context = {
    [`${request.issuer}:sub`.toLowerCase()]: subject,
    [`${request.issuer}:aud`.toLowerCase()]: request.audience,
  }
  const r = evaluateAction(policy, {
    principalType: 'Federated',
    principal: request.providerArn,
    action: IRSA_ACTION,
    context,
  })
  if (r.denied) {
    return {
      status: 'fail',
      reason: `A Deny statement blocks ${IRSA_ACTION} for this service account; remove it by hand.`,
      fixable: false,
    }
  }
  if (r.allowed) {
    const conditions = r.allowed.s.Condition as Record<string, Record<string, unknown>> | undefined
    const keys = Object.values(conditions ?? {}).flatMap((block) =>
      Object.keys(block ?? {}).map((k) => k.toLowerCase()),
    )
    if (!keys.includes(`${request.issuer}:sub`.toLowerCase())) {
      return {
        status: 'warn',
        reason: `Trusts the cluster's OIDC provider with no sub condition: every service account in the cluster can assume this role.`,
        fixable: false,
      }
    }
    return {
      status: 'pass',
      reason: `Trusts the cluster's OIDC provider for ${subject} (aud ${request.audience}).`,
      fixable: false,
    }
  }
  if (r.maybe && r.maybe.c.result === 'unknown') {
    return {
      status: 'warn',
      reason: `Allowed only under conditions the console cannot evaluate: ${r.maybe.c.keys.join(', ')}.`,
      fixable: false,
    }
  }
  const mismatch = r.allows.map((a) => a.c).find((c) => c.result === 'no-match')
  if (mismatch && mismatch.result === 'no-match') {
    const claim = mismatch.key.toLowerCase().endsWith(':aud') ? `aud ${request.audience}` : `sub ${subject}`
    return {
      status: 'fail',
      reason: `The ${mismatch.operator} condition on ${mismatch.key} allows ${mismatch.values.join(', ')}, not ${claim}: STS answers "not authorized to perform sts:AssumeRoleWithWebIdentity".`,
      fixable: true,
    }
  }
  const otherProviders = policy.Statement.flatMap((s) => statementPrincipals(s, 'Federated')).filter(
    (p) => p !== request.providerArn && p.includes(':oidc-provider/'),
  )
  return {
    status: 'fail',
    reason:
      otherProviders.length > 0
        ? `The trust policy names another OIDC provider (${otherProviders.join(', ')}), not this cluster's (${request.providerArn}).`
        : `The trust policy does not allow ${IRSA_ACTION} from this cluster's OIDC provider (${request.providerArn}).`,
    fixable: true,
  }
}
