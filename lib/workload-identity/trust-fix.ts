// Builds the trust policy after a one-click fix. Every existing statement is kept as IAM sent it (the console never
// drops what it does not understand); the fix only adds actions to a plain Allow statement or appends a statement.
import {
  IRSA_ACTION,
  irsaSubject,
  POD_IDENTITY_ACTIONS,
  POD_IDENTITY_PRINCIPAL,
  type IrsaRequest,
} from './trust-analysis'
import {
  statementCoversAction,
  statementPrincipals,
  toList,
  type PolicyStatement,
  type TrustPolicy,
} from './trust-policy'

const EMPTY_POLICY: TrustPolicy = { Version: '2012-10-17', Statement: [] }

/** The statement the EKS user guide gives for Pod Identity (docs/pod-identity.md#roles-and-trust). */
export function podIdentityStatement(): PolicyStatement {
  return {
    Sid: 'AllowEksAuthToAssumeRoleForPodIdentity',
    Effect: 'Allow',
    Principal: { Service: POD_IDENTITY_PRINCIPAL },
    Action: [...POD_IDENTITY_ACTIONS],
  }
}

/** The IRSA statement for one service account (docs/irsa.md#trust-policy): the provider, the action, sub and aud pinned. */
export function irsaStatement(request: IrsaRequest): PolicyStatement {
  return {
    Effect: 'Allow',
    Principal: { Federated: request.providerArn },
    Action: IRSA_ACTION,
    Condition: {
      StringEquals: {
        [`${request.issuer}:sub`]: irsaSubject(request.namespace, request.serviceAccount),
        [`${request.issuer}:aud`]: request.audience,
      },
    },
  }
}

/** A trust policy holding only `statement` (for a role the console creates). */
export function buildTrustPolicy(statement: PolicyStatement): TrustPolicy {
  return { ...EMPTY_POLICY, Statement: [statement] }
}

/**
 * Pod Identity fix: when a condition-free Allow statement already trusts pods.eks.amazonaws.com, add the missing
 * actions to it; otherwise append the user guide's statement.
 */
export function fixPodIdentityTrust(policy: TrustPolicy): TrustPolicy {
  const index = policy.Statement.findIndex(
    (s) =>
      s.Effect === 'Allow' &&
      s.Condition === undefined &&
      s.NotAction === undefined &&
      statementPrincipals(s, 'Service').includes(POD_IDENTITY_PRINCIPAL),
  )
  if (index === -1) return { ...policy, Statement: [...policy.Statement, podIdentityStatement()] }
  const statement = policy.Statement[index] as PolicyStatement
  const missing = POD_IDENTITY_ACTIONS.filter((a) => !statementCoversAction(statement, a))
  const next = { ...statement, Action: [...toList(statement.Action), ...missing] }
  return { ...policy, Statement: policy.Statement.map((s, i) => (i === index ? next : s)) }
}

/**
 * IRSA fix: append a statement for this service account. A statement naming the wrong sub is left in place (it may
 * serve another service account); IAM allows when any statement allows.
 */
export function fixIrsaTrust(policy: TrustPolicy, request: IrsaRequest): TrustPolicy {
  return { ...policy, Statement: [...policy.Statement, irsaStatement(request)] }
}

/** One line of a before/after diff. */
export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string }

/** A line diff (longest common subsequence) of two texts, for the "policy diff before applying" view. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n')
  const b = after.split('\n')
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[]
      row[j] = a[i] === b[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0)
    }
  }
  const out: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i++] as string })
      j++
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) out.push({ kind: 'removed', text: a[i++] as string })
    else out.push({ kind: 'added', text: b[j++] as string })
  }
  while (i < a.length) out.push({ kind: 'removed', text: a[i++] as string })
  while (j < b.length) out.push({ kind: 'added', text: b[j++] as string })
  return out
}
