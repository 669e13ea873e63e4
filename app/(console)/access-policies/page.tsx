import type { Metadata } from 'next'

import { AccessPolicyCatalogue } from '@/components/access-policies/access-policy-catalogue'
import { regionQuerySchema } from '@/lib/access/access-entry-params'
import { env } from '@/lib/env'

export const metadata: Metadata = { title: 'Access policies' }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function AccessPoliciesPage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = regionQuerySchema.safeParse({ region: (await searchParams).region })
  const region = (parsed.success ? parsed.data.region : undefined) ?? env.awsRegion
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Access policies</h1>
        <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
          Every access policy EKS offers in {region}, and what it allows in Kubernetes terms. EKS evaluates these in its
          own authorizer, not as RBAC objects, so <code>kubectl auth can-i --list</code> does not show them and
          impersonation drops them.
        </p>
      </div>
      <AccessPolicyCatalogue region={region} />
    </div>
  )
}
