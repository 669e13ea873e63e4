import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { DescriptionList, Panel } from '@/components/ui/panel'
import type { PrincipalAnalysisDto } from '@/lib/effective-access/effective-access-dto'

type Identity = PrincipalAnalysisDto['identity']

const NOTES: Record<string, string> = {
  'entry-ignored-config-map': 'It has an access entry, but this cluster reads aws-auth only (CONFIG_MAP).',
  'mapping-ignored-api': 'It is mapped in aws-auth, but this cluster reads access entries only (API).',
  'mapping-shadowed-by-entry': 'Its aws-auth mapping is ignored: the access entry wins in API_AND_CONFIG_MAP.',
  'entry-stale': 'The IAM principal was recreated after its access entry was made; the entry no longer matches it.',
  'principal-missing': 'IAM does not know this principal (deleted, or never created).',
  'mapping-pathed-arn': 'aws-auth maps it with its IAM path; sessions carry no path, so the mapping never matches.',
}

/** How the principal signs in (or why it cannot), with the notes that explain surprises. */
export function IdentitySummary({ identity }: { identity: Identity }) {
  const notes = identity.notes.map((n) => NOTES[n.code] ?? n.code)
  return (
    <Panel title="Identity in the cluster" description={identity.principalArn}>
      {identity.via === null ? (
        <Alert variant="warning" title="No access: the cluster refuses this principal's token (401)">
          No access entry and no aws-auth mapping applies to it, so it can do nothing here.
        </Alert>
      ) : (
        <DescriptionList
          items={[
            { label: 'Signs in through', value: identity.via === 'access-entry' ? 'Access entry' : 'aws-auth mapping' },
            { label: 'Kubernetes username', value: <span className="font-mono">{identity.username}</span> },
            {
              label: 'Groups',
              value: (
                <span className="flex flex-wrap gap-1">
                  {identity.groups.map((g) => (
                    <Badge key={g} tone={g === 'system:masters' ? 'red' : 'neutral'}>
                      {g}
                    </Badge>
                  ))}
                </span>
              ),
            },
          ]}
        />
      )}
      {notes.length > 0 ? (
        <ul className="mt-4 list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </Panel>
  )
}
