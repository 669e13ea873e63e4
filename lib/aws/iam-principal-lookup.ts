import 'server-only'

import { GetRoleCommand, GetUserCommand, ListRolesCommand, ListUsersCommand } from '@aws-sdk/client-iam'

import { configuredAwsEndpoint, getIamClient } from './aws-clients'
import { toConsoleError } from './aws-errors'

/** What IAM said of one principal: its full ARN, no such principal, or why it could not say. */
export type PrincipalLookup =
  { status: 'found'; arn: string } | { status: 'missing' } | { status: 'error'; message: string }

/**
 * GetRole/GetUser by name (the ARN's last part: the caller parses it) — IAM looks principals up by name, and answers with the full ARN,
 * path included (aws-auth ARNs cannot carry one: docs/aws-auth.md). NoSuchEntity is an answer ("missing"), not an error.
 */
export async function lookUpPrincipal(region: string, name: string, kind: 'role' | 'user'): Promise<PrincipalLookup> {
  try {
    const client = getIamClient(region)
    const found =
      kind === 'role'
        ? (await client.send(new GetRoleCommand({ RoleName: name }))).Role?.Arn
        : (await client.send(new GetUserCommand({ UserName: name }))).User?.Arn
    return found ? { status: 'found', arn: found } : { status: 'missing' }
  } catch (error) {
    if ((error as { name?: unknown })?.name === 'NoSuchEntityException') return { status: 'missing' }
    const failure = toConsoleError(error, { service: 'IAM', region, endpoint: configuredAwsEndpoint() })
    return { status: 'error', message: failure.message }
  }
}

/**
 * Every role (ListRoles) or user (ListUsers) of the account by lower-cased name → full ARN, service-linked roles
 * included. For resolving many aws-auth rows at once: one call per 1,000 principals instead of one per row (IAM
 * names are unique case-insensitively, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
 */
export async function listPrincipalArnsByName(region: string, kind: 'role' | 'user'): Promise<Map<string, string>> {
  const client = getIamClient(region)
  const out = new Map<string, string>()
  try {
    let marker: string | undefined
    do {
      if (kind === 'role') {
        const page = await client.send(new ListRolesCommand({ MaxItems: 1000, Marker: marker }))
        for (const r of page.Roles ?? []) if (r.RoleName && r.Arn) out.set(r.RoleName.toLowerCase(), r.Arn)
        marker = page.IsTruncated ? page.Marker : undefined
      } else {
        const page = await client.send(new ListUsersCommand({ MaxItems: 1000, Marker: marker }))
        for (const u of page.Users ?? []) if (u.UserName && u.Arn) out.set(u.UserName.toLowerCase(), u.Arn)
        marker = page.IsTruncated ? page.Marker : undefined
      }
    } while (marker)
  } catch (error) {
    throw toConsoleError(error, { service: 'IAM', region, endpoint: configuredAwsEndpoint() })
  }
  return out
}

/** What IAM says of one principal for the effective-access analyzer: whether it exists, and since when. */
export type PrincipalAge =
  { status: 'found'; createdAt: string | null } | { status: 'missing' } | { status: 'error'; message: string }

/**
 * GetRole/GetUser by name, keeping CreateDate: a principal created after its access entry was deleted and recreated,
 * and the entry no longer matches it (EKS keeps the unique ID, docs/access-entries.md#the-accessentry-object).
 */
export async function getPrincipalAge(region: string, name: string, kind: 'role' | 'user'): Promise<PrincipalAge> {
  try {
    const client = getIamClient(region)
    const found =
      kind === 'role'
        ? (await client.send(new GetRoleCommand({ RoleName: name }))).Role
        : (await client.send(new GetUserCommand({ UserName: name }))).User
    if (!found) return { status: 'missing' }
    return { status: 'found', createdAt: found.CreateDate ? found.CreateDate.toISOString() : null }
  } catch (error) {
    if ((error as { name?: unknown })?.name === 'NoSuchEntityException') return { status: 'missing' }
    const failure = toConsoleError(error, { service: 'IAM', region, endpoint: configuredAwsEndpoint() })
    return { status: 'error', message: failure.message }
  }
}
