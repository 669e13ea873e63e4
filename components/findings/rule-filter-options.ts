import { findingRules, type FindingRuleId } from '@/lib/findings/finding-rules'

type RuleCount = { ruleId: FindingRuleId; title: string; count: number }

/**
 * The Rule filter's choices: each rule that has findings, with its count, and the rule the URL selects even when it
 * has none (after its last finding was fixed, or from a shared link). Without it the select would show "All rules"
 * over a list still filtered by that rule.
 */
export function listRuleFilterOptions(byRule: readonly RuleCount[], selected: string): { id: string; label: string }[] {
  const options: { id: string; label: string }[] = byRule.map((r) => ({
    id: r.ruleId,
    label: `${r.title} (${r.count})`,
  }))
  if (selected && !byRule.some((r) => r.ruleId === selected)) {
    const rule = (findingRules as Partial<Record<string, { title: string }>>)[selected]
    options.push({ id: selected, label: `${rule?.title ?? selected} (0)` })
  }
  return options
}
