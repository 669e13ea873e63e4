import Link from 'next/link'

import { Alert } from '@/components/ui/alert'
import { buttonClasses } from '@/components/ui/button'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { BindingWriteResult } from '@/lib/rbac/rbac-dto'
import { bindingPath, rbacPaths } from '@/lib/rbac/rbac-paths'

/** What the form created, with the way to it and back. */
export function BindingCreated({ cluster, result }: { cluster: ClusterRef; result: BindingWriteResult }) {
  const b = result.binding
  const subject = b.subjects[0]
  return (
    <div className="space-y-4">
      <Alert variant="info" title={`Created ${b.kind} ${b.namespace ? `${b.namespace}/` : ''}${b.name}`}>
        <span>
          {subject ? `${subject.kind} ${subject.name}` : 'Its subjects'} now{' '}
          {b.namespace ? `has in namespace ${b.namespace}` : 'has across the cluster'} what {b.roleRef.kind}{' '}
          {b.roleRef.name} grants
          {result.expiresAt
            ? `, until ${new Date(result.expiresAt).toLocaleString()} (the console deletes it then)`
            : ''}
          .
        </span>
      </Alert>
      <div className="flex flex-wrap gap-2">
        <Link className={buttonClasses('primary')} href={bindingPath(cluster, b)}>
          Open the binding
        </Link>
        <Link
          className={buttonClasses('secondary')}
          href={rbacPaths.list(cluster, b.kind === 'RoleBinding' ? 'role-bindings' : 'cluster-role-bindings')}
        >
          Back to RBAC
        </Link>
      </div>
    </div>
  )
}
