'use client'

import { useState } from 'react'

import { CodeBlock } from '@/components/ui/code-block'
import { FormField, inputClasses } from '@/components/ui/form-field'
import { formatShellCommand } from '@/lib/access/cli-commands'
import { buildGroupRoleBindingArgs } from '@/lib/identity-providers/identity-provider-commands'
import type { IdentityProviderDto } from '@/lib/identity-providers/identity-provider-dto'

const CLUSTER_ROLES = ['view', 'edit', 'admin'] as const

/**
 * OIDC users get Kubernetes RBAC only: this builds the `kubectl create rolebinding` that gives one IdP group a
 * built-in ClusterRole in one namespace, with the provider's groups prefix applied as the API server applies it.
 */
export function RoleBindingCommand({ provider }: { provider: IdentityProviderDto }) {
  const id = `rb-${provider.name}`
  const [group, setGroup] = useState('team-a-devs')
  const [namespace, setNamespace] = useState('default')
  const [clusterRole, setClusterRole] = useState<(typeof CLUSTER_ROLES)[number]>('view')
  const argv = buildGroupRoleBindingArgs({
    groupsPrefix: provider.groupsPrefix,
    group: group.trim() || '<group>',
    namespace: namespace.trim() || '<namespace>',
    clusterRole,
  })
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField id={`${id}-group`} label="IdP group">
          <input
            id={`${id}-group`}
            className={inputClasses(false, 'font-mono')}
            value={group}
            onChange={(e) => setGroup(e.target.value)}
          />
        </FormField>
        <FormField id={`${id}-namespace`} label="Namespace">
          <input
            id={`${id}-namespace`}
            className={inputClasses(false, 'font-mono')}
            value={namespace}
            onChange={(e) => setNamespace(e.target.value)}
          />
        </FormField>
        <FormField id={`${id}-role`} label="ClusterRole">
          <select
            id={`${id}-role`}
            className={inputClasses(false)}
            value={clusterRole}
            onChange={(e) => setClusterRole(e.target.value as (typeof CLUSTER_ROLES)[number])}
          >
            {CLUSTER_ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </FormField>
      </div>
      <CodeBlock label={`RoleBinding for ${provider.name}`} code={formatShellCommand(argv)} />
    </div>
  )
}
