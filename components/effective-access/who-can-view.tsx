'use client'

import { useQuery } from '@tanstack/react-query'
import dynamic from 'next/dynamic'
import { usePathname, useRouter } from 'next/navigation'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'

import { Button } from '@/components/ui/button'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { TextField } from '@/components/ui/text-field'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { whoCanFormSchema } from '@/lib/effective-access/effective-access-schemas'
import { splitResourceField } from '@/lib/effective-access/resource-field'
import { whoCanQuery } from '@/lib/queries/effective-access-queries'
import { lazySchema, lazyZodResolver } from '@/lib/validation/lazy-schema'

import { readQuestion, writeQuestion } from './effective-access-url'

// The answer loads with the first question (its tables are most of this view's code: docs/client-bundle.md).
const WhoCanResult = dynamic(() => import('./who-can-result').then((m) => m.WhoCanResult))

const KEYS = ['verb', 'resource', 'namespace', 'name', 'nonResourceURL', 'crossCheck'] as const
const lazyWhoCanFormSchema = lazySchema(() =>
  import('@/lib/effective-access/effective-access-schemas').then((m) => m.whoCanFormSchema),
)
type FormValues = z.input<typeof whoCanFormSchema>

/** "Who can <verb> <resource> in <namespace>?" over every IAM principal and Kubernetes subject. */
export function WhoCanView({ cluster, params }: { cluster: ClusterRef; params: URLSearchParams }) {
  const router = useRouter()
  const pathname = usePathname()
  const question = readQuestion(params, KEYS)
  const form = useForm<FormValues, unknown, z.output<typeof whoCanFormSchema>>({
    resolver: lazyZodResolver(lazyWhoCanFormSchema),
    defaultValues: {
      verb: question.verb ?? '',
      // A non-resource URL is asked in the same field (it starts with "/").
      resource: question.resource ?? question.nonResourceURL ?? '',
      namespace: question.namespace ?? '',
      name: question.name ?? '',
    },
  })
  const asked = Boolean(question.verb && (question.resource || question.nonResourceURL))
  const { data, error, isFetching, refetch } = useQuery({ ...whoCanQuery(cluster, question), enabled: asked })
  const submit = form.handleSubmit(() => {
    const { resource, ...values } = form.getValues() as Record<string, string>
    router.replace(`${pathname}${writeQuestion('who-can', { ...values, ...splitResourceField(resource) })}`, {
      scroll: false,
    })
  })
  const field = (
    name: 'verb' | 'resource' | 'namespace' | 'name',
    label: string,
    placeholder: string,
    hint?: string,
  ) => (
    <TextField
      form={form}
      name={name}
      id={`ea-who-${name}`}
      label={label}
      hint={hint}
      placeholder={placeholder}
      autoComplete="off"
      spellCheck={false}
      inputClassName="font-mono"
    />
  )
  return (
    <section aria-labelledby="who-can-heading" className="space-y-5">
      <h2 id="who-can-heading" className="text-lg font-semibold">
        Who can…? in {cluster.name}
      </h2>
      <form noValidate onSubmit={(e) => void submit(e)} className="grid gap-4 md:grid-cols-5 md:items-start">
        {field('verb', 'Verb', 'delete')}
        {field(
          'resource',
          'Resource',
          'pods',
          'As kubectl writes it: pods/exec, deployments.apps; or a URL like /metrics',
        )}
        {field('namespace', 'Namespace (optional)', 'prod', 'Empty: cluster-wide')}
        {field('name', 'Object name (optional)', 'web-1')}
        <Button type="submit" variant="primary" className="md:mt-6" disabled={isFetching}>
          {isFetching ? 'Asking…' : 'Ask'}
        </Button>
      </form>
      {!asked ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          Enter a verb and a resource, e.g. delete pods in prod.
        </p>
      ) : error ? (
        <QueryError error={error} what="who can do it" onRetry={() => void refetch()} />
      ) : !data ? (
        <div aria-busy="true" aria-label="Finding who can" className="space-y-3">
          <Skeleton className="h-64 w-full" />
        </div>
      ) : (
        <WhoCanResult
          answer={data}
          onCrossCheck={
            question.crossCheck
              ? undefined
              : () =>
                  router.replace(`${pathname}${writeQuestion('who-can', { ...question, crossCheck: '1' })}`, {
                    scroll: false,
                  })
          }
        />
      )}
    </section>
  )
}
