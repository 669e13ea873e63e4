import 'server-only'

import { canonicalizeAssumedRole, parseArn } from '@/lib/access/arn'
import { parseAwsAuth } from '@/lib/aws-auth/aws-auth-parse'
import { principalKey } from '@/lib/aws-auth/aws-auth-view'
import { buildMigrationCommands } from '@/lib/aws-auth/migration-commands'
import type { MigrationPlanDto } from '@/lib/aws-auth/migration-dto'
import { consoleKeepsAccess, planMigration, type ResolvedPrincipal } from '@/lib/aws-auth/migration-plan'
import { listPrincipalArnsByName, lookUpPrincipal } from '@/lib/aws/iam-principal-lookup'
import { getCallerIdentity } from '@/lib/aws/sts-identity'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { loadAwsAuthState } from './aws-auth-service'
import { mapBounded } from './map-bounded'

/** IAM calls in flight while resolving principals: IAM throttles bursts (its default TPS is low). */
const IAM_CONCURRENCY = 8

/** Above this many principals of a kind, one listing (ListRoles/ListUsers, 1,000 a page) beats a GetRole per row. */
const LIST_THRESHOLD = 25

/**
 * Resolves every role/user ARN of aws-auth to IAM's full ARN (path restored), keyed by principalKey so the planner
 * finds a path-less ARN's answer: GetRole/GetUser per principal as eksctl does, or one listing when there are many.
 */
export async function resolveAwsAuthPrincipals(
  region: string,
  principals: ReadonlyArray<{ arn: string; kind: 'role' | 'user' }>,
): Promise<Map<string, ResolvedPrincipal>> {
  const unique = [...new Map(principals.map((p) => [principalKey(p.arn), p])).values()]
  const out = new Map<string, ResolvedPrincipal>()
  for (const kind of ['role', 'user'] as const) {
    const ofKind = unique.filter((p) => p.kind === kind)
    if (ofKind.length > LIST_THRESHOLD) {
      const byName = await listPrincipalArnsByName(region, kind)
      for (const p of ofKind) {
        const found = byName.get(p.arn.slice(p.arn.lastIndexOf('/') + 1).toLowerCase())
        out.set(principalKey(p.arn), found ? { status: 'found', arn: found } : { status: 'missing' })
      }
    } else {
      const answers = await mapBounded(ofKind, IAM_CONCURRENCY, (p) =>
        lookUpPrincipal(region, parseArn(p.arn)?.name ?? p.arn, p.kind),
      )
      ofKind.forEach((p, i) => out.set(principalKey(p.arn), answers[i]!))
    }
  }
  return out
}

/** GET …/aws-auth/migration: the plan for the cluster as it is now, with the CLI equivalents. */
export async function loadMigrationPlan(ref: ClusterRef): Promise<MigrationPlanDto> {
  const state = await loadAwsAuthState(ref)
  const parsed = parseAwsAuth(state.data)
  const principals = [
    ...parsed.mapRoles.filter((m) => m.arn).map((m) => ({ arn: m.arn, kind: 'role' as const })),
    ...parsed.mapUsers.filter((m) => m.arn).map((m) => ({ arn: m.arn, kind: 'user' as const })),
  ]
  const [resolved, caller] = await Promise.all([
    resolveAwsAuthPrincipals(ref.region, principals),
    getCallerIdentity(ref.region),
  ])
  const plan = planMigration(
    parsed,
    (arn) => resolved.get(principalKey(arn)) ?? { status: 'missing' },
    state.accessEntryArns,
  )
  const mode = state.context.authenticationMode
  const consoleArn = canonicalizeAssumedRole(caller.arn)
  const keepsAccess = mode === 'API' || consoleKeepsAccess(plan, consoleArn, state.accessEntryArns)
  return {
    consolePrincipal: {
      arn: consoleArn,
      keepsAccess,
      ...(keepsAccess
        ? {}
        : {
            message: `The console acts as ${consoleArn}, which has no aws-auth mapping and no access entry (on CONFIG_MAP its access may come from having created the cluster, which access entries do not carry over). Enabling access entries would lock the console out: map it in aws-auth first, and the plan migrates it.`,
          }),
    },
    cluster: { region: ref.region, name: ref.name, authenticationMode: mode },
    awsAuthExists: state.configMap !== undefined,
    plan,
    commands: {
      API_AND_CONFIG_MAP: buildMigrationCommands(ref, plan, mode, 'API_AND_CONFIG_MAP', false),
      API: buildMigrationCommands(ref, plan, mode, 'API', true),
    },
  }
}
