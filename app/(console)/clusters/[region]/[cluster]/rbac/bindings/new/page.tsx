import type { Metadata } from 'next'

import { ReadOnlyNotice } from '@/components/layout/read-only-notice'
import { BindingForm } from '@/components/rbac/binding-form'
import { hasRole } from '@/lib/auth/console-role'
import { requireSession, sessionRole } from '@/lib/auth/server/session'
import { pageClusterRef } from '@/lib/clusters/server/page-params'
import { rbacPaths, readBindingPrefill } from '@/lib/rbac/rbac-paths'

type Params = Promise<{ region: string; cluster: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Create a binding · ${cluster}` }
}

export default async function NewBindingPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { region, cluster } = await params
  const ref = pageClusterRef({ region, cluster })
  // A viewer who follows a link here gets the explanation, not a form the POST route would refuse.
  const role = sessionRole(await requireSession(rbacPaths.newBinding(ref)))
  if (!hasRole(role, 'editor')) {
    return (
      <ReadOnlyNotice
        heading={`Create a binding on ${ref.name}`}
        what={`Creating RoleBindings on ${ref.name}`}
        required="editor"
        role={role}
        back={{ href: rbacPaths.list(ref), label: 'Back to RBAC' }}
      />
    )
  }
  return <BindingForm cluster={ref} initial={readBindingPrefill(await searchParams)} />
}
