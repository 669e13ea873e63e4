'use client'

import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import type { IdentityProviderDto } from '@/lib/identity-providers/identity-provider-dto'

const tone = { ACTIVE: 'green', CREATING: 'blue', DELETING: 'amber' } as const

const claimText = (claim: string | null, prefix: string | null, fallback: string) =>
  `${claim || fallback}${prefix ? ` → ${prefix}…` : ''}`

/** The cluster's OIDC providers: issuer, audience, claims with their prefixes, status; admins may disassociate. */
export function ProvidersTable({
  providers,
  canEdit,
  onDisassociate,
}: {
  providers: IdentityProviderDto[]
  canEdit: boolean
  onDisassociate: (provider: IdentityProviderDto) => void
}) {
  return (
    <Table caption="OIDC identity providers">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Issuer</Th>
          <Th>Client ID</Th>
          <Th>Username</Th>
          <Th>Groups</Th>
          <Th>Required claims</Th>
          <Th>Status</Th>
          {canEdit ? (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {providers.map((p) => (
          <Tr key={p.name}>
            <Td className="font-medium">{p.name}</Td>
            <Td className="font-mono text-xs break-all">{p.issuerUrl}</Td>
            <Td className="font-mono text-xs">{p.clientId}</Td>
            <Td className="font-mono text-xs">{claimText(p.usernameClaim, p.usernamePrefix, 'sub')}</Td>
            <Td className="font-mono text-xs">{p.groupsClaim ? claimText(p.groupsClaim, p.groupsPrefix, '') : '—'}</Td>
            <Td className="font-mono text-xs">
              {Object.entries(p.requiredClaims)
                .map(([k, v]) => `${k}=${v}`)
                .join(', ') || '—'}
            </Td>
            <Td>
              <Badge tone={tone[p.status]}>{p.status}</Badge>
            </Td>
            {canEdit ? (
              <Td>
                <Button
                  variant="secondary"
                  disabled={p.status !== 'ACTIVE'}
                  aria-label={`Disassociate ${p.name}`}
                  onClick={() => onDisassociate(p)}
                >
                  Disassociate
                </Button>
              </Td>
            ) : null}
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
