'use client'

import { Trash2 } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { Button } from '@/components/ui/button'
import { CodeBlock } from '@/components/ui/code-block'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { formatShellCommand } from '@/lib/access/cli-commands'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { useDeleteBinding } from '@/lib/queries/rbac-queries'
import { buildDeleteBindingArgs } from '@/lib/rbac/rbac-commands'
import type { BindingRow } from '@/lib/rbac/rbac-dto'
import { rbacPaths } from '@/lib/rbac/rbac-paths'

/**
 * Deletes a binding after confirmation, naming what its subjects lose. The delete carries the resourceVersion (and uid)
 * this page loaded, so a binding someone changed meanwhile is not deleted: the dialog then says so.
 */
export function DeleteBindingButton({
  cluster,
  binding,
  version,
}: {
  cluster: ClusterRef
  binding: BindingRow
  version: { resourceVersion: string; uid: string | null }
}) {
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const target = { kind: binding.kind, name: binding.name, namespace: binding.namespace }
  const remove = useDeleteBinding(cluster, target)
  const label = binding.namespace ? `${binding.namespace}/${binding.name}` : binding.name
  const subjects = binding.subjects.map((s) => `${s.kind} ${s.name}`).join(', ') || 'no subject'
  const argv = buildDeleteBindingArgs({
    kind: binding.kind,
    name: binding.name,
    namespace: binding.namespace ?? undefined,
  })
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Trash2 aria-hidden="true" className="size-4" /> Delete
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next)
          if (!next) remove.reset()
        }}
        title={`Delete ${binding.kind} ${label}?`}
        confirmLabel={`Delete ${binding.kind}`}
        pending={remove.isPending}
        error={remove.error?.message}
        onConfirm={() =>
          remove.mutate(
            { resourceVersion: version.resourceVersion, ...(version.uid ? { uid: version.uid } : {}) },
            {
              onSuccess: () =>
                router.push(
                  rbacPaths.list(cluster, binding.kind === 'RoleBinding' ? 'role-bindings' : 'cluster-role-bindings'),
                ),
            },
          )
        }
      >
        <p>
          {subjects} will lose what {binding.roleRef.kind} {binding.roleRef.name} grants
          {binding.namespace ? ` in namespace ${binding.namespace}` : ' across the cluster'}, unless another binding
          grants it too.
        </p>
        <CodeBlock label="Equivalent kubectl command" code={formatShellCommand(argv)} />
      </ConfirmDialog>
    </>
  )
}
