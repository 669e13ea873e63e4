import { CheckCircle2, XCircle } from 'lucide-react'
import Link from 'next/link'

import { Alert } from '@/components/ui/alert'
import { CodeBlock } from '@/components/ui/code-block'
import { Panel } from '@/components/ui/panel'
import {
  buildAssociateAccessPolicyArgs,
  buildCreateAccessEntryArgs,
  buildDeleteAccessEntryArgs,
  formatShellCommand,
} from '@/lib/access/cli-commands'
import { buildGrantPrefillSearch, buildPoliciesDialogSearch } from '@/lib/access/grant-prefill'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { ForbiddenExplanationDto } from '@/lib/effective-access/effective-access-dto'
import type { DiagnosisCode } from '@/lib/effective-access/why-forbidden'
import { clusterPagePath } from '@/lib/queries/api-paths'

import { PathList } from './path-list'

type Fix = NonNullable<NonNullable<ForbiddenExplanationDto['diagnosis']>['fix']>

function fixCommands(cluster: ClusterRef, fix: Fix): string {
  const ref = { clusterName: cluster.name, region: cluster.region }
  const { recreate } = fix
  if (recreate) {
    const principal = { ...ref, principalArn: fix.principalArn }
    const create = { ...principal, type: recreate.type, kubernetesGroups: recreate.kubernetesGroups }
    return [
      buildDeleteAccessEntryArgs(principal),
      buildCreateAccessEntryArgs(recreate.username ? { ...create, username: recreate.username } : create),
      ...recreate.policies.map((p) => buildAssociateAccessPolicyArgs({ ...principal, ...p })),
    ]
      .map((argv) => formatShellCommand(argv))
      .join('\n')
  }
  const associate = buildAssociateAccessPolicyArgs({
    ...ref,
    principalArn: fix.principalArn,
    policyArn: fix.policyArn,
    accessScope: fix.accessScope,
  })
  const create = fix.createsEntry
    ? [formatShellCommand(buildCreateAccessEntryArgs({ ...ref, principalArn: fix.principalArn }))]
    : []
  return [...create, formatShellCommand(associate)].join('\n')
}

/** The heading of each outcome, as a person would say it. */
const DIAGNOSIS_TITLES: Record<DiagnosisCode, string> = {
  allowed: 'It is allowed now',
  'no-identity': 'Refused: the cluster does not know this principal',
  'entry-ignored-by-mode': "Refused: the cluster's authentication mode ignores access entries",
  'mapping-ignored-by-mode': "Refused: the cluster's authentication mode ignores aws-auth",
  'entry-stale': 'Refused: the access entry belongs to an earlier principal of that name',
  'entry-grants-nothing': 'Refused: the access entry grants nothing',
  'scope-excludes-namespace': "Refused: the access policy's scope leaves this namespace out",
  'policy-lacks-permission': 'Refused: no access policy allows this',
  'group-bound-to-nothing': 'Refused: the Kubernetes groups are bound to nothing',
  'bindings-lack-permission': 'Refused: no RBAC rule allows this',
}

/** Which step refuses the request, the steps walked, the fix (CLI and where to apply it), and the cluster's cross-check. */
export function WhyForbiddenResult({ cluster, answer }: { cluster: ClusterRef; answer: ForbiddenExplanationDto }) {
  const d = answer.diagnosis
  if (!d)
    return (
      <Alert variant="warning" title={`No principal in this cluster signs in as ${answer.username ?? 'that user'}`}>
        No access entry or aws-auth mapping gives that username. Name the principal in the form to check it.
      </Alert>
    )
  return (
    <div className="space-y-5">
      <Alert variant={d.allowed ? 'info' : 'error'} title={DIAGNOSIS_TITLES[d.code]}>
        {d.message}
      </Alert>
      <Panel title="The steps">
        <ol className="space-y-2 text-sm">
          {d.steps.map((s) => (
            <li key={s.step} className="flex gap-2">
              {s.ok ? (
                <CheckCircle2 aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-emerald-600" />
              ) : (
                <XCircle aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-red-600" />
              )}
              <span>
                <span className="sr-only">{s.ok ? 'Passes: ' : 'Fails: '}</span>
                {s.message}
              </span>
            </li>
          ))}
        </ol>
        {d.paths.length > 0 ? <PathList label="Why it is allowed" paths={d.paths} /> : null}
      </Panel>
      {d.fix ? (
        <Panel title="The fix" description={d.fix.message}>
          <CodeBlock label="CLI equivalent" code={fixCommands(cluster, d.fix)} />
          {d.fix.recreate ? (
            <p className="mt-3 text-sm">
              In the console: delete the old entry on the{' '}
              <Link className="font-medium underline" href={clusterPagePath(cluster, 'access')}>
                access page
              </Link>
              , then create it again with the grant form below, giving it the same Kubernetes groups and username.
            </p>
          ) : null}
          <Link
            className="mt-3 inline-block text-sm font-medium underline"
            href={
              d.fix.createsEntry
                ? `${clusterPagePath(cluster, 'access/grant')}${buildGrantPrefillSearch(d.fix)}`
                : `${clusterPagePath(cluster, 'access')}${buildPoliciesDialogSearch(d.fix)}`
            }
          >
            {d.fix.createsEntry ? 'Open the grant form' : 'Open the entry’s policies, prefilled'}
          </Link>
        </Panel>
      ) : null}
      {answer.crossCheck ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          RBAC cross-check with a SubjectAccessReview:{' '}
          {answer.crossCheck.agrees === null
            ? `not made (${answer.crossCheck.note ?? 'unavailable'})`
            : answer.crossCheck.agrees
              ? 'the cluster agrees.'
              : `the cluster DISAGREES (cluster ${answer.crossCheck.cluster ? 'allows' : 'refuses'}, resolver ${answer.crossCheck.resolver ? 'allows' : 'refuses'}).`}
        </p>
      ) : null}
    </div>
  )
}
