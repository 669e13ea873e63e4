import { Badge } from '@/components/ui/badge'
import type { GrantPathDto } from '@/lib/effective-access/effective-access-dto'

/** The grant paths of one answer, one per line, UNVERIFIED policy rules and superuser marked. */
export function PathList({ paths, label }: { paths: readonly GrantPathDto[]; label: string }) {
  return (
    <ul aria-label={label} className="space-y-1 text-sm">
      {paths.map((path) => (
        <li key={path.text} className="flex flex-wrap items-center gap-2">
          <span className="font-mono text-xs break-all">{path.text}</span>
          {path.kind === 'superuser' ? <Badge tone="red">superuser</Badge> : null}
          {path.kind === 'access-policy' && path.unverified ? <Badge tone="amber">UNVERIFIED rules</Badge> : null}
        </li>
      ))}
    </ul>
  )
}
