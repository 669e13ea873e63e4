import { Table, Td, Th, Tr } from '@/components/ui/table'
import type { AccessPolicyDto } from '@/lib/access/access-entry-dto'

type Rule = NonNullable<AccessPolicyDto['rules']>[number]

// RBAC spells the core API group as "" and "everything" as "*"; say both in words.
const group = (name: string) => (name === '' ? 'core' : name === '*' ? 'all groups' : name)
const list = (items: readonly string[] | undefined, all: string) =>
  items && items.length > 0 ? items.map((item) => (item === '*' ? all : item)).join(', ') : '—'

// Long resource names (replicationcontrollers/scale) wrap at their commas; the table never needs a sideways scroll.
const cell = 'px-3 font-mono text-xs break-words'

/** What one access policy allows, one RBAC rule per row (the unit EKS's access-policy reference uses). */
export function PolicyRulesTable({ policy, rules }: { policy: string; rules: readonly Rule[] }) {
  return (
    <Table caption={`Kubernetes rules of ${policy}`} className="table-fixed">
      <colgroup>
        <col className="w-[24%]" />
        <col />
        <col className="w-[26%]" />
      </colgroup>
      <thead>
        <tr>
          <Th className="px-3">API groups</Th>
          <Th className="px-3">Resources</Th>
          <Th className="px-3">Verbs</Th>
        </tr>
      </thead>
      <tbody>
        {rules.map((rule, index) => (
          <Tr key={index}>
            <Td className={cell}>
              {rule.nonResourceURLs ? (
                <span className="font-sans text-zinc-600 dark:text-zinc-400">non-resource URLs</span>
              ) : (
                (rule.apiGroups ?? []).map(group).join(', ') || '—'
              )}
            </Td>
            <Td className={cell}>
              {rule.nonResourceURLs ? list(rule.nonResourceURLs, 'every URL') : list(rule.resources, 'all resources')}
              {rule.resourceNames && rule.resourceNames.length > 0 ? (
                <span className="mt-0.5 block font-sans text-zinc-600 dark:text-zinc-400">
                  only {rule.resourceNames.join(', ')}
                </span>
              ) : null}
            </Td>
            <Td className={cell}>{list(rule.verbs, 'all verbs')}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
