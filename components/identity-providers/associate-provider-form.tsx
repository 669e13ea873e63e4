'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'

import { Button } from '@/components/ui/button'
import { CodeBlock } from '@/components/ui/code-block'
import { FormError } from '@/components/ui/form-error'
import { fieldIds, FormField, inputClasses } from '@/components/ui/form-field'
import { useServerFormSubmit } from '@/components/ui/use-server-form-submit'
import { formatShellCommand } from '@/lib/access/cli-commands'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { buildAssociateIdentityProviderArgs } from '@/lib/identity-providers/identity-provider-commands'
import type { IdentityProviderListDto } from '@/lib/identity-providers/identity-provider-dto'
import {
  associateIdentityProviderSchema,
  checkAssociationAllowed,
} from '@/lib/identity-providers/identity-provider-schema'
import { useAssociateIdentityProvider } from '@/lib/queries/identity-provider-queries'

import { KeyValueRows } from './key-value-rows'

type Input = z.input<typeof associateIdentityProviderSchema>
type Output = z.output<typeof associateIdentityProviderSchema>
const FIELDS = ['name', 'issuerUrl', 'clientId', 'usernameClaim', 'usernamePrefix', 'groupsClaim', 'groupsPrefix']

const TEXT_FIELDS: { name: (typeof FIELDS)[number] & keyof Input; label: string; hint?: string }[] = [
  { name: 'name', label: 'Configuration name' },
  {
    name: 'issuerUrl',
    label: 'Issuer URL',
    hint: 'https, no query string: the URL below /.well-known/openid-configuration, exactly as the tokens’ iss.',
  },
  { name: 'clientId', label: 'Client ID', hint: 'The audience (aud) of the ID tokens EKS accepts.' },
  { name: 'usernameClaim', label: 'Username claim', hint: 'Default sub. email is common.' },
  {
    name: 'usernamePrefix',
    label: 'Username prefix',
    hint: 'Default: the issuer URL and # unless the claim is email; - turns prefixing off. Never system:.',
  },
  { name: 'groupsClaim', label: 'Groups claim', hint: 'Usually groups.' },
  {
    name: 'groupsPrefix',
    label: 'Groups prefix',
    hint: 'e.g. oidc: keeps IdP groups apart from Kubernetes’ own. Never system:.',
  },
]

/** The admin form that associates an OIDC identity provider, with EKS's rules checked before the request. */
export function AssociateProviderForm({
  cluster,
  state,
  onStarted,
  onCancel,
}: {
  cluster: ClusterRef
  state: IdentityProviderListDto
  onStarted: (updateId: string, name: string) => void
  onCancel: () => void
}) {
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(associateIdentityProviderSchema),
    defaultValues: {
      name: '',
      issuerUrl: '',
      clientId: '',
      usernameClaim: 'email',
      usernamePrefix: '',
      groupsClaim: 'groups',
      groupsPrefix: 'oidc:',
      requiredClaims: [],
      tags: [],
    },
  })
  const associate = useAssociateIdentityProvider(cluster)
  const { errors } = form.formState
  const { onSubmit, formError } = useServerFormSubmit(form, FIELDS, async (input) => {
    const refusal = checkAssociationAllowed(input, {
      kubernetesVersion: state.kubernetesVersion,
      configs: state.providers.map((p) => ({ name: p.name, issuerUrl: p.issuerUrl, status: p.status })),
    })
    if (refusal) {
      form.setError('issuerUrl', { message: refusal })
      return
    }
    const update = await associate.mutateAsync(input)
    onStarted(update.id, input.name)
  })
  const watched = useWatch({ control: form.control })
  const parsed = associateIdentityProviderSchema.safeParse(watched)
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Associate an identity provider">
      <div className="grid gap-4 md:grid-cols-2">
        {TEXT_FIELDS.map((f) => {
          const error = errors[f.name]?.message
          return (
            <FormField key={f.name} id={`idp-${f.name}`} label={f.label} hint={f.hint} error={error}>
              <input
                {...fieldIds(`idp-${f.name}`, error, f.hint)}
                className={inputClasses(!!error, 'font-mono')}
                spellCheck={false}
                autoComplete="off"
                {...form.register(f.name)}
              />
            </FormField>
          )
        })}
      </div>
      <KeyValueRows
        name="requiredClaims"
        legend="Required claims"
        hint="Each must be in the token with exactly this value. Key 1–63 characters, value 1–253."
        control={form.control}
        register={form.register}
        errors={errors}
      />
      <KeyValueRows
        name="tags"
        legend="Tags"
        hint="AWS tags on the configuration."
        control={form.control}
        register={form.register}
        errors={errors}
      />
      <FormError message={formError} />
      {parsed.success ? (
        <CodeBlock
          label="Equivalent AWS CLI command"
          code={formatShellCommand(buildAssociateIdentityProviderArgs(cluster, parsed.data))}
        />
      ) : null}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={form.formState.isSubmitting}>
          Associate
        </Button>
      </div>
    </form>
  )
}
