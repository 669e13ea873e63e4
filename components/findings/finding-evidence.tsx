import Link from 'next/link'

import type { Finding } from '@/lib/findings/findings-dto'

type Rule = NonNullable<Finding['paths'][number]['rule']>

function describeRule(rule: Rule): string {
  const parts = [`verbs: ${rule.verbs.join(', ')}`]
  if (rule.apiGroups) parts.push(`apiGroups: ${rule.apiGroups.map((g) => (g === '' ? '""' : g)).join(', ')}`)
  if (rule.resources) parts.push(`resources: ${rule.resources.join(', ')}`)
  if (rule.resourceNames?.length) parts.push(`resourceNames: ${rule.resourceNames.join(', ')}`)
  if (rule.nonResourceURLs) parts.push(`nonResourceURLs: ${rule.nonResourceURLs.join(', ')}`)
  return parts.join(' · ')
}

const toolLabel: Record<string, string> = {
  krane: 'krane',
  'rbac-police': 'rbac-police',
  KubiScan: 'KubiScan',
  'eks-access-console': 'this console',
}

/** A finding's evidence: each path from the subject to the rule, the rule that matched, the rule's sources and fix. */
export function FindingEvidence({ finding }: { finding: Finding }) {
  return (
    <div className="space-y-3 rounded-md bg-zinc-50 p-3 text-sm dark:bg-zinc-900/60">
      <div>
        <h3 className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
          {finding.paths.length + finding.morePaths === 1 ? 'Path' : 'Paths'}
        </h3>
        <ul className="mt-1 space-y-2">
          {finding.paths.map((path, i) => (
            <li key={i} className="break-words">
              <span className="font-mono text-xs">{path.steps.join(' → ')}</span>
              {path.rule ? (
                <span className="mt-0.5 block text-xs text-zinc-600 dark:text-zinc-400">
                  matched rule: {describeRule(path.rule)}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        {finding.morePaths > 0 ? (
          <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            and {finding.morePaths} more {finding.morePaths === 1 ? 'path' : 'paths'} of the same kind.
          </p>
        ) : null}
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Rule {finding.ruleId}, as named by{' '}
        {finding.sources.map((s, i) => (
          <span key={`${s.tool}:${s.name}`}>
            {i > 0 ? ', ' : ''}
            {toolLabel[s.tool] ?? s.tool} <code>{s.name}</code>
          </span>
        ))}
        .
      </p>
      {finding.fix ? (
        <Link href={finding.fix.href} prefetch={false} className="inline-block text-sm font-medium underline">
          {finding.fix.label}
        </Link>
      ) : null}
    </div>
  )
}
