'use client'

import { useNow } from '@/components/time-bound/use-now'
import type { AccessPolicyDto } from '@/lib/access/access-entry-dto'
import { defaultUsername } from '@/lib/access/default-username'
import { expiryInstant, formatUtcInstant } from '@/lib/time-bound/expiry-note'
import type { GrantDuration } from '@/lib/time-bound/grant-duration'

type Draft = {
  principalArn?: string
  type?: string
  username?: unknown
  kubernetesGroups?: string[]
  accessPolicies?: { policyArn?: string; accessScope?: { type?: string; namespaces?: string[] } }[]
  duration?: Partial<GrantDuration>
}

/** Plain-language sentences for what a grant allows, from the shared policy catalogue. */
function summarizeGrant(draft: Draft, policies: readonly AccessPolicyDto[], now: Date): string[] {
  const lines: string[] = []
  const type = draft.type ?? 'STANDARD'
  const custom = typeof draft.username === 'string' ? draft.username.trim() : ''
  const username = custom || (draft.principalArn ? defaultUsername(draft.principalArn, type) : undefined)
  if (username) lines.push(`The principal signs in to Kubernetes as ${username}.`)
  for (const p of draft.accessPolicies ?? []) {
    if (!p.policyArn) continue
    const info = policies.find((candidate) => candidate.arn === p.policyArn)
    const where =
      p.accessScope?.type === 'namespace'
        ? `in namespace${(p.accessScope.namespaces ?? []).length === 1 ? '' : 's'} ${(p.accessScope.namespaces ?? []).join(', ') || '(none yet)'}`
        : 'across the whole cluster'
    const what = info?.summary ?? 'Rules not documented by AWS.'
    lines.push(`${info?.name ?? p.policyArn} ${where}: ${what}`)
  }
  const groups = draft.kubernetesGroups ?? []
  if (groups.length > 0)
    lines.push(`Whatever RBAC bindings grant to group${groups.length === 1 ? '' : 's'} ${groups.join(', ')}.`)
  if (type !== 'STANDARD') lines.push(`${type} entries let nodes join the cluster; EKS sets their groups.`)
  else if ((draft.accessPolicies ?? []).length === 0 && groups.length === 0) {
    lines.push('Nothing: with no access policy and no group, the principal can authenticate but may do nothing.')
  }
  const end = expiryInstant(draft.duration as GrantDuration | undefined, now)
  if (lines.length > 0 && end) {
    lines.push(
      `Time-bound: the console revokes it at ${end.toLocaleString()} (${formatUtcInstant(end)}), removing only what this grant adds.`,
    )
  }
  return lines
}

/** The summary box next to the grant form. */
export function GrantSummary({ draft, policies }: { draft: Draft; policies: readonly AccessPolicyDto[] }) {
  const now = useNow(15_000)
  const lines = summarizeGrant(draft, policies, now)
  return (
    <section
      aria-labelledby="grant-summary"
      className="rounded-lg border border-zinc-200 bg-zinc-50 p-4 text-sm dark:border-zinc-800 dark:bg-zinc-950"
    >
      <h3 id="grant-summary" className="mb-2 font-semibold">
        What this grant allows
      </h3>
      {lines.length === 0 ? (
        <p className="text-zinc-600 dark:text-zinc-400">Choose a principal and a policy to see a summary.</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
