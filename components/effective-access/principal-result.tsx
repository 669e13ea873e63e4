import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Panel } from '@/components/ui/panel'
import type { PrincipalAnalysisDto } from '@/lib/effective-access/effective-access-dto'

import { IdentitySummary } from './identity-summary'
import { PermissionMatrix } from './permission-matrix'

const scopeText = (s: { type: string; namespaces: string[] }) =>
  s.type === 'cluster' ? 'cluster-wide' : `namespaces ${s.namespaces.join(', ')}`

/** The answer to "what can X do?": identity, what it holds, groups bound to nothing, the matrix. */
export function PrincipalResult({ analysis }: { analysis: PrincipalAnalysisDto }) {
  return (
    <div className="space-y-5">
      {analysis.gaps.length > 0 ? (
        <Alert variant="warning" title="Part of the cluster could not be read; the answer may be incomplete">
          {analysis.gaps.join(' · ')}
        </Alert>
      ) : null}
      <IdentitySummary identity={analysis.identity} />
      {analysis.identity.via !== null ? (
        <Panel
          title="What it holds"
          description="Access policies of its entry, and the bindings of its username and groups."
        >
          {analysis.policies.length === 0 && analysis.bindings.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing: no access policy and no binding.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {analysis.policies.map((p) => (
                <li key={p.policyArn} className="flex flex-wrap items-center gap-2">
                  <Badge tone="blue">access policy</Badge>
                  <span className="font-medium">{p.policyName}</span>
                  <span className="text-zinc-600 dark:text-zinc-400">{scopeText(p.accessScope)}</span>
                  {p.rules === null ? <Badge tone="amber">rules not documented</Badge> : null}
                  {p.unverified ? <Badge tone="amber">UNVERIFIED rules</Badge> : null}
                </li>
              ))}
              {analysis.bindings.map((b) => (
                <li key={`${b.bindingKind}/${b.binding}/${b.subject}`} className="flex flex-wrap items-center gap-2">
                  <Badge tone="violet">{b.bindingKind}</Badge>
                  <span className="font-mono text-xs">{b.binding}</span>
                  <span className="text-zinc-600 dark:text-zinc-400">
                    {b.subject} → {b.role.kind} {b.role.name}
                  </span>
                  {b.roleExists ? null : <Badge tone="red">role does not exist</Badge>}
                  {b.aggregated ? <Badge>aggregated</Badge> : null}
                </li>
              ))}
            </ul>
          )}
          {analysis.unboundGroups.length > 0 ? (
            <p className="mt-3 text-sm text-amber-800 dark:text-amber-300">
              Bound to nothing (grant nothing): {analysis.unboundGroups.join(', ')}
            </p>
          ) : null}
        </Panel>
      ) : null}
      {analysis.matrix ? (
        <PermissionMatrix
          matrix={analysis.matrix}
          namespacesTotal={analysis.namespacesTotal}
          namespacesShown={analysis.namespacesShown.length}
        />
      ) : null}
    </div>
  )
}
