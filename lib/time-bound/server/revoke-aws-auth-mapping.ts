import 'server-only'

import { applyAwsAuthChange } from '@/lib/aws-auth/aws-auth-edit'
import { parseAwsAuth } from '@/lib/aws-auth/aws-auth-parse'
import { AWS_AUTH, loadAwsAuthState } from '@/lib/aws-auth/server/aws-auth-service'
import { replaceConfigMap } from '@/lib/k8s/kube-config-maps'
import type { GrantAddition } from '@/lib/time-bound/time-bound-dto'

import type { RevokeOutcome } from './revoke-access-grant'
import type { StoredGrant } from './time-bound-store'

type MappingAddition = Extract<GrantAddition, { kind: 'aws-auth-mapping' }>

const sameGroups = (a: readonly string[], b: readonly string[]) => [...a].sort().join('\n') === [...b].sort().join('\n')

/**
 * Removes the one aws-auth row a time-bound grant added: the row of that ARN in that section, only while its username
 * and groups are still what the grant wrote (a row someone changed is left in place and reported as drift). The
 * ConfigMap is replaced with the resourceVersion just read, so a concurrent edit makes Kubernetes answer 409 and the
 * scheduler retries on the fresh ConfigMap instead of overwriting it (docs/aws-auth.md).
 */
export async function revokeAwsAuthMapping(grant: StoredGrant & { addition: MappingAddition }): Promise<RevokeOutcome> {
  const ref = { region: grant.region, name: grant.cluster }
  const addition = grant.addition
  const state = await loadAwsAuthState(ref)
  const rows = parseAwsAuth(state.data)[addition.section]
  const index = rows.findIndex((row) => row.arn === addition.principalArn)
  const row = rows[index]
  const before = { section: addition.section, rows }
  if (!state.configMap || !row) {
    return {
      status: 'drifted',
      removed: [],
      drift: ['the aws-auth mapping was removed outside the console'],
      before,
      after: before,
    }
  }
  if ((row.username ?? '') !== addition.username || !sameGroups(row.groups, addition.groups)) {
    const drift = ['the aws-auth mapping was changed outside the console and was left in place']
    return { status: 'drifted', removed: [], drift, before, after: before }
  }
  const edited = applyAwsAuthChange(state.data, { op: 'remove', section: addition.section, index, arn: row.arn })
  if (!edited.ok) throw new Error(`aws-auth could not be edited: ${edited.message}`)
  const existing = state.configMap
  // metadata.resourceVersion stays as read: the replace is conditional on it.
  await replaceConfigMap(ref, {
    ...existing,
    metadata: { ...existing.metadata, managedFields: undefined },
    data: edited.data,
  })
  const after = { section: addition.section, rows: parseAwsAuth(edited.data)[addition.section] }
  return {
    status: 'revoked',
    removed: [`the ${AWS_AUTH.namespace}/${AWS_AUTH.name} ${addition.section} row of ${addition.principalArn}`],
    drift: [],
    before,
    after,
  }
}
