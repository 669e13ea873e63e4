'use client'

import { useQuery } from '@tanstack/react-query'
import Link from 'next/link'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useMemo } from 'react'

import { Badge } from '@/components/ui/badge'
import { inputClasses } from '@/components/ui/form-field'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import { cn } from '@/lib/cn'
import { accessPoliciesQuery } from '@/lib/queries/access-policy-queries'

import { PolicyDetail } from './policy-detail'
import { categoryLabels, describeCategory, filterPolicies } from './policy-labels'

/**
 * Every access policy ListAccessPolicies returns in `region`, explained from the console's catalogue. The URL holds
 * the state (`?q=&category=&policy=`), so a link can open the catalogue on one policy.
 */
export function AccessPolicyCatalogue({ region }: { region: string }) {
  const { data, error, isPending, refetch } = useQuery(accessPoliciesQuery(region))
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const query = params.get('q') ?? ''
  const category = params.get('category') ?? ''
  const selectedName = params.get('policy')
  const shown = useMemo(() => filterPolicies(data?.policies ?? [], query, category), [data, query, category])
  const selected = data?.policies.find((p) => p.name === selectedName)

  const hrefWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString())
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    return `${pathname}?${next.toString()}`
  }
  const setParam = (key: string, value: string) => router.replace(hrefWith({ [key]: value }), { scroll: false })

  if (isPending) {
    return (
      <div aria-busy="true" aria-label="Loading access policies" className="space-y-2">
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-96 w-full" />
      </div>
    )
  }
  if (error) return <QueryError error={error} what="the access policies" onRetry={() => void refetch()} />
  return (
    <div className="grid gap-6 lg:grid-cols-5">
      <section aria-labelledby="policies-heading" className="space-y-3 lg:col-span-2">
        <h2 id="policies-heading" className="sr-only">
          Policies
        </h2>
        <div className="flex flex-wrap gap-2">
          <label className="min-w-40 flex-1 text-sm">
            <span className="sr-only">Search policies</span>
            <input
              type="search"
              placeholder="Search policies"
              className={inputClasses(false)}
              defaultValue={query}
              onChange={(e) => setParam('q', e.target.value)}
            />
          </label>
          <label className="text-sm">
            <span className="sr-only">Category</span>
            <select
              className={inputClasses(false)}
              value={category}
              onChange={(e) => setParam('category', e.target.value)}
            >
              <option value="">All categories</option>
              {Object.entries(categoryLabels).map(([value, { label }]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
              <option value="unknown">Unknown to this console</option>
            </select>
          </label>
        </div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {shown.length === data.policies.length
            ? `${data.policies.length} policies`
            : `${shown.length} of ${data.policies.length} policies`}
        </p>
        {shown.length === 0 ? (
          <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            No policy matches these filters.
          </p>
        ) : (
          <Table caption="Access policies">
            <thead>
              <tr>
                <Th>Policy</Th>
                <Th>Category</Th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => {
                const current = p.name === selected?.name
                const cat = describeCategory(p)
                return (
                  <Tr key={p.arn} className={cn(current && 'bg-sky-50 dark:bg-sky-950/40')}>
                    <Td className="py-2">
                      <Link
                        href={hrefWith({ policy: p.name })}
                        scroll={false}
                        aria-current={current ? 'true' : undefined}
                        className="font-medium break-all text-sky-700 hover:underline dark:text-sky-400"
                      >
                        {p.name}
                      </Link>
                      {p.documented ? null : (
                        <span className="block text-xs text-amber-800 dark:text-amber-300">rules not documented</span>
                      )}
                    </Td>
                    <Td className="py-2">
                      <Badge tone={cat.tone}>{cat.label}</Badge>
                    </Td>
                  </Tr>
                )
              })}
            </tbody>
          </Table>
        )}
      </section>
      <div className="lg:col-span-3">
        {selected ? (
          <PolicyDetail policy={selected} />
        ) : (
          <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            {selectedName
              ? `ListAccessPolicies in ${region} does not return ${selectedName}.`
              : 'Choose a policy to see what it allows in Kubernetes terms.'}
          </p>
        )}
      </div>
    </div>
  )
}
