import { CheckCircle2, CircleAlert, Info, XCircle } from 'lucide-react'

import { Badge, type BadgeTone } from '@/components/ui/badge'
import type { CheckStatus } from '@/lib/workload-identity/workload-identity-schemas'

const looks: Record<CheckStatus, { tone: BadgeTone; label: string; icon: typeof Info }> = {
  pass: { tone: 'green', label: 'Healthy', icon: CheckCircle2 },
  warn: { tone: 'amber', label: 'Warning', icon: CircleAlert },
  fail: { tone: 'red', label: 'Failing', icon: XCircle },
  info: { tone: 'blue', label: 'Note', icon: Info },
}

/** A verdict or check status in words and colour (the word carries the meaning, not the colour alone). */
export function VerdictBadge({ status, label }: { status: CheckStatus; label?: string }) {
  const { tone, label: text, icon: Icon } = looks[status]
  return (
    <Badge tone={tone}>
      <Icon aria-hidden="true" className="size-3.5" />
      {label ?? text}
    </Badge>
  )
}

/** The mechanism of a mapping as a badge. */
export function MechanismBadge({ mechanism }: { mechanism: 'pod-identity' | 'irsa' | 'both' }) {
  if (mechanism === 'both') return <Badge tone="amber">Pod Identity + IRSA</Badge>
  return (
    <Badge tone={mechanism === 'pod-identity' ? 'violet' : 'blue'}>
      {mechanism === 'irsa' ? 'IRSA' : 'Pod Identity'}
    </Badge>
  )
}
