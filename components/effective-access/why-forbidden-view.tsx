'use client'

import { useQuery } from '@tanstack/react-query'
import dynamic from 'next/dynamic'
import { usePathname, useRouter } from 'next/navigation'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'

import { Button } from '@/components/ui/button'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { TextAreaField, TextField } from '@/components/ui/text-field'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { whyForbiddenFormSchema } from '@/lib/effective-access/effective-access-schemas'
import { splitResourceField } from '@/lib/effective-access/resource-field'
import { whyForbiddenQuery } from '@/lib/queries/effective-access-queries'
import { lazySchema, lazyZodResolver } from '@/lib/validation/lazy-schema'

import { readQuestion, writeQuestion } from './effective-access-url'
import { SESSION_NAME_HINT } from './question-hints'

// The answer loads with the first question (its tables are most of this view's code: docs/client-bundle.md).
const WhyForbiddenResult = dynamic(() => import('./why-forbidden-result').then((m) => m.WhyForbiddenResult))

const KEYS = [
  'message',
  'principalArn',
  'sessionName',
  'verb',
  'resource',
  'namespace',
  'name',
  'nonResourceURL',
] as const
const lazyWhyForbiddenFormSchema = lazySchema(() =>
  import('@/lib/effective-access/effective-access-schemas').then((m) => m.whyForbiddenFormSchema),
)
type FormValues = z.input<typeof whyForbiddenFormSchema>

/** "Why Forbidden?": paste kubectl's error, or name the principal and the request. */
export function WhyForbiddenView({ cluster, params }: { cluster: ClusterRef; params: URLSearchParams }) {
  const router = useRouter()
  const pathname = usePathname()
  const question = readQuestion(params, KEYS)
  const form = useForm<FormValues, unknown, z.output<typeof whyForbiddenFormSchema>>({
    resolver: lazyZodResolver(lazyWhyForbiddenFormSchema),
    defaultValues: {
      message: question.message ?? '',
      principalArn: question.principalArn ?? '',
      sessionName: question.sessionName ?? '',
      verb: question.verb ?? '',
      // A non-resource URL is asked in the same field (it starts with "/").
      resource: question.resource ?? question.nonResourceURL ?? '',
      namespace: question.namespace ?? '',
      name: question.name ?? '',
    },
  })
  const asked = Boolean(
    question.message || (question.principalArn && question.verb && (question.resource || question.nonResourceURL)),
  )
  const { data, error, isFetching, refetch } = useQuery({ ...whyForbiddenQuery(cluster, question), enabled: asked })
  const submit = form.handleSubmit(() => {
    const { resource, ...values } = form.getValues() as Record<string, string>
    router.replace(`${pathname}${writeQuestion('why-forbidden', { ...values, ...splitResourceField(resource) })}`, {
      scroll: false,
    })
  })
  const field = (
    name: 'principalArn' | 'sessionName' | 'verb' | 'resource' | 'namespace' | 'name',
    label: string,
    placeholder: string,
    { className, hint }: { className?: string; hint?: string } = {},
  ) => (
    <TextField
      form={form}
      className={className}
      name={name}
      id={`ea-why-${name}`}
      label={label}
      hint={hint}
      placeholder={placeholder}
      autoComplete="off"
      spellCheck={false}
      inputClassName="font-mono"
    />
  )
  return (
    <section aria-labelledby="why-heading" className="space-y-5">
      <h2 id="why-heading" className="text-lg font-semibold">
        Why Forbidden? in {cluster.name}
      </h2>
      <form noValidate onSubmit={(e) => void submit(e)} className="space-y-4">
        <TextAreaField
          form={form}
          name="message"
          id="ea-why-message"
          label="kubectl's error"
          hint='Paste the line, e.g. Error from server (Forbidden): pods is forbidden: User "…" cannot list resource "pods" …'
          rows={3}
          spellCheck={false}
          inputClassName="font-mono text-xs"
        />
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Or name the principal and the request:</p>
        {/* An ARN is long: it gets three of the four columns, so it is never cut. */}
        <div className="grid gap-4 md:grid-cols-4 md:items-start">
          {field('principalArn', 'IAM role or user ARN', 'arn:aws:iam::111122223333:role/TeamADeveloper', {
            className: 'md:col-span-3',
          })}
          {field('sessionName', 'Session name (optional)', 'EKSGetTokenAuth', { hint: SESSION_NAME_HINT })}
          {field('verb', 'Verb', 'list')}
          {field('resource', 'Resource', 'pods', {
            hint: 'As kubectl writes it: pods/exec, deployments.apps; or a URL like /metrics',
          })}
          {field('namespace', 'Namespace (optional)', 'team-b', { hint: 'Empty: cluster-wide' })}
          {field('name', 'Object name (optional)', 'web-1')}
        </div>
        <Button type="submit" variant="primary" disabled={isFetching}>
          {isFetching ? 'Explaining…' : 'Explain'}
        </Button>
      </form>
      {!asked ? null : error ? (
        <QueryError error={error} what="the explanation" onRetry={() => void refetch()} />
      ) : !data ? (
        <div aria-busy="true" aria-label="Explaining" className="space-y-3">
          <Skeleton className="h-40 w-full" />
        </div>
      ) : (
        <WhyForbiddenResult cluster={cluster} answer={data} />
      )}
    </section>
  )
}
