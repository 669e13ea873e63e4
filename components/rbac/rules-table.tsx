import Link from 'next/link'

import { Badge } from '@/components/ui/badge'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { PolicyRuleDto } from '@/lib/rbac/rbac-dto'
import { rbacPaths } from '@/lib/rbac/rbac-paths'

import { linkClass } from './rbac-links'

// RBAC spells the core API group as "" and "everything" as "*"; say both in words.
const groupName = (name: string) => (name === '' ? 'core' : name === '*' ? 'all groups' : name)
const cell = 'font-mono text-xs break-words align-top'

function Words({ items, all }: { items: readonly string[] | undefined; all: string }) {
  if (!items || items.length === 0) return <span className="font-sans text-zinc-500 dark:text-zinc-400">—</span>
  return (
    <span className="flex flex-wrap gap-x-1.5 gap-y-0.5">
      {items.map((item, i) => (
        <span key={item}>
          {item === '*' ? <Badge tone="amber">{all}</Badge> : item}
          {i < items.length - 1 ? ',' : ''}
        </span>
      ))}
    </span>
  )
}

/** A resource with its subresource set apart: `pods/exec` reads as pods → exec. */
function Resource({ name }: { name: string }) {
  const [resource, sub] = name.split('/')
  if (!sub) return <span>{name === '*' ? <Badge tone="amber">all resources</Badge> : name}</span>
  return (
    <span>
      {resource === '*' ? 'every resource' : resource}
      <span className="text-zinc-500 dark:text-zinc-400">/</span>
      <span className="font-semibold">{sub === '*' ? 'every subresource' : sub}</span>
    </span>
  )
}

/**
 * A role's rules, one PolicyRule a row: verbs, API groups, resources (subresources set apart), resourceNames and
 * nonResourceURLs. With `sources`, an aggregated ClusterRole says which ClusterRole each rule came from.
 */
export function RulesTable({
  cluster,
  caption,
  rules,
  sources,
}: {
  cluster: ClusterRef
  caption: string
  rules: readonly PolicyRuleDto[]
  sources?: readonly (string | null)[]
}) {
  if (rules.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No rules: grants nothing.</p>
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Verbs</Th>
          <Th>API groups</Th>
          <Th>Resources</Th>
          <Th>Resource names</Th>
          <Th>Non-resource URLs</Th>
          {sources ? <Th>From</Th> : null}
        </tr>
      </thead>
      <tbody>
        {rules.map((rule, i) => (
          <Tr key={i}>
            <Td className={`${cell} min-w-32`}>
              <Words items={rule.verbs} all="all verbs" />
            </Td>
            <Td className={cell}>
              {rule.nonResourceURLs ? (
                <span className="font-sans text-zinc-500 dark:text-zinc-400">—</span>
              ) : (
                <Words items={(rule.apiGroups ?? []).map(groupName)} all="all groups" />
              )}
            </Td>
            <Td className={cell}>
              {rule.resources?.length ? (
                <span className="flex flex-wrap gap-x-1.5 gap-y-0.5">
                  {rule.resources.map((r, i) => (
                    <span key={r}>
                      <Resource name={r} />
                      {i < (rule.resources?.length ?? 0) - 1 ? ',' : ''}
                    </span>
                  ))}
                </span>
              ) : (
                <span className="font-sans text-zinc-500 dark:text-zinc-400">—</span>
              )}
            </Td>
            <Td className={cell}>
              {rule.resourceNames?.length ? (
                <Words items={rule.resourceNames} all="any" />
              ) : (
                <span className="font-sans text-zinc-500 dark:text-zinc-400">{rule.nonResourceURLs ? '—' : 'any'}</span>
              )}
            </Td>
            <Td className={cell}>
              <Words items={rule.nonResourceURLs} all="every URL" />
            </Td>
            {sources ? (
              <Td className={cell}>
                {sources[i] ? (
                  <Link prefetch={false} className={linkClass} href={rbacPaths.clusterRole(cluster, sources[i])}>
                    {sources[i]}
                  </Link>
                ) : (
                  <span className="font-sans text-zinc-500 dark:text-zinc-400">not from a selected role</span>
                )}
              </Td>
            ) : null}
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
