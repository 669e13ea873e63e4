// The aws-auth ConfigMap as the page shows it: parsed rows with their meaning, problems (line and column) and whether
// an access entry for the same principal shadows them. Isomorphic, so the migration plan can reuse it.
import type { AuthenticationMode } from '@/lib/clusters/cluster-schemas'

import type { AwsAuthRowDto, AwsAuthViewDto } from './aws-auth-dto'
import { classifyAwsAuthMapping } from './aws-auth-meaning'
import { parseAwsAuth, type AwsAuthData, type AwsAuthMappingSection, type ParsedAwsAuth } from './aws-auth-parse'

/** `…:role/some/path/Name` → `…:role/Name`, lower-cased: how EKS and the authenticator compare principals. */
export function principalKey(arn: string): string {
  return arn.replace(/^(arn:[^:]+:iam::\d{12}:(?:role|user))\/(?:.*\/)?([^/]+)$/, '$1/$2').toLowerCase()
}

type ViewRows = Pick<AwsAuthViewDto, 'mapRoles' | 'mapUsers' | 'mapAccounts' | 'sectionProblems' | 'unreadable'>

/**
 * Rows of every section. `accessEntryArns` matter only in API_AND_CONFIG_MAP, where an access entry for the same
 * principal wins over its aws-auth mapping (https://docs.aws.amazon.com/eks/latest/userguide/setting-up-access-entries.html).
 */
export function describeAwsAuth(
  data: AwsAuthData | undefined,
  context: { authenticationMode: AuthenticationMode; accessEntryArns: readonly string[] },
  parsed: ParsedAwsAuth = parseAwsAuth(data),
): ViewRows {
  const entries = new Set(
    context.authenticationMode === 'API_AND_CONFIG_MAP' ? context.accessEntryArns.map(principalKey) : [],
  )
  const rows = (section: AwsAuthMappingSection): AwsAuthRowDto[] =>
    parsed[section].map((mapping, index) => ({
      section,
      index,
      kind: mapping.kind,
      arn: mapping.arn,
      username: mapping.username ?? null,
      groups: mapping.groups,
      extraKeys: Object.keys(mapping.extra),
      line: mapping.line ?? null,
      meaning: classifyAwsAuthMapping(mapping),
      problems: parsed.problems
        .filter((p) => p.section === section && p.index === index)
        .map(({ severity, message, line, column }) => ({ severity, message, line, column })),
      shadowedByAccessEntry: mapping.arn !== '' && entries.has(principalKey(mapping.arn)),
    }))
  return {
    mapRoles: rows('mapRoles'),
    mapUsers: rows('mapUsers'),
    mapAccounts: parsed.mapAccounts.map((account, index) => ({
      index,
      account,
      problems: parsed.problems
        .filter((p) => p.section === 'mapAccounts' && p.index === index)
        .map(({ severity, message, line, column }) => ({ severity, message, line, column })),
    })),
    sectionProblems: parsed.problems.filter((p) => p.index === undefined),
    unreadable: parsed.unreadable,
  }
}
