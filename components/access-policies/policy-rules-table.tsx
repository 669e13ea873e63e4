import { Table, Td, Th, Tr } from '@/components/ui/table'
import type { AccessPolicyDto } from '@/lib/access-entries/access-entry-dto'

type Rule = NonNullable<AccessPolicyDto['rules']>[number]

// RBAC spells the core API group as "" and "everything" as "*"; say both in words.
const group = (name: string) => (name === '' ? 'core' : name === '*' ? 'all groups' : name)
const list = (items: readonly string[] | undefined, all: string) =>
  items && items.length > 0 ? items.map((item) => (item === '*' ? all : item)).join(', ') : '—'

/** What one access policy allows, one RBAC rule per row (the unit EKS's access-policy reference uses). */
export function PolicyRulesTable({ policy, rules }: { policy: string; rules: readonly Rule[] }) {
  return (
    <Table caption={`Kubernetes rules of ${policy}`}>
      <thead>
        <tr>
          <Th>API groups</Th>
          <Th>Resources</Th>
          <Th>Verbs</Th>
          <Th>Only these names</Th>
        </tr>
      </thead>
      <tbody>
        {rules.map((rule, index) => (
          <Tr key={index}>
            {rule.nonResourceURLs ? (
              <>
                <Td className="text-zinc-600 dark:text-zinc-400">non-resource URLs</Td>
                <Td className="font-mono text-xs [overflow-wrap:anywhere]">
                  {list(rule.nonResourceURLs, 'every URL')}
                </Td>
              </>
            ) : (
              <>
                <Td className="font-mono text-xs [overflow-wrap:anywhere]">
                  {(rule.apiGroups ?? []).map(group).join(', ') || '—'}
                </Td>
                <Td className="font-mono text-xs [overflow-wrap:anywhere]">{list(rule.resources, 'all resources')}</Td>
              </>
            )}
            <Td className="font-mono text-xs [overflow-wrap:anywhere]">{list(rule.verbs, 'all verbs')}</Td>
            <Td className="font-mono text-xs [overflow-wrap:anywhere]">{list(rule.resourceNames, 'any')}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
