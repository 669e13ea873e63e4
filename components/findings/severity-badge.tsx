import { Badge, type BadgeTone } from '@/components/ui/badge'
import type { Severity } from '@/lib/findings/finding-rules'

export const severityTone: Record<Severity, BadgeTone> = {
  critical: 'red',
  high: 'amber',
  medium: 'blue',
  low: 'neutral',
}

export const severityLabel: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
}

/** A finding's severity as a coloured label (the word is always there: colour is not the only cue). */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge tone={severityTone[severity]}>{severityLabel[severity]}</Badge>
}
