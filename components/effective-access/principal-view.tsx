'use client'

import { useQuery } from '@tanstack/react-query'
import dynamic from 'next/dynamic'
import { usePathname, useRouter } from 'next/navigation'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'

import { PrincipalSearch } from '@/components/access-entries/principal-picker'
import { Button } from '@/components/ui/button'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { TextField } from '@/components/ui/text-field'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { principalQuerySchema } from '@/lib/effective-access/effective-access-schemas'
import { principalAnalysisQuery } from '@/lib/queries/effective-access-queries'
import { lazySchema, lazyZodResolver } from '@/lib/validation/lazy-schema'

import { readQuestion, writeQuestion } from './effective-access-url'
import { SESSION_NAME_HINT } from './question-hints'

// The answer loads with the first question (its tables are most of this view's code: docs/client-bundle.md).
const PrincipalResult = dynamic(() => import('./principal-result').then((m) => m.PrincipalResult))

const KEYS = ['principalArn', 'namespaces', 'sessionName'] as const
const lazyPrincipalQuerySchema = lazySchema(() =>
  import('@/lib/effective-access/effective-access-schemas').then((m) => m.principalQuerySchema),
)
type FormValues = z.input<typeof principalQuerySchema>

/** "What can this IAM principal do?": any role or user ARN, including ones with no access. */
export function PrincipalView({ cluster, params }: { cluster: ClusterRef; params: URLSearchParams }) {
  const router = useRouter()
  const pathname = usePathname()
  const question = readQuestion(params, KEYS)
  const form = useForm<FormValues, unknown, z.output<typeof principalQuerySchema>>({
    resolver: lazyZodResolver(lazyPrincipalQuerySchema),
    defaultValues: {
      principalArn: question.principalArn ?? '',
      namespaces: question.namespaces ?? '',
      sessionName: question.sessionName ?? '',
    },
  })
  const asked = Boolean(question.principalArn)
  const { data, error, isFetching, refetch } = useQuery({
    ...principalAnalysisQuery(cluster, question),
    enabled: asked,
  })
  const submit = form.handleSubmit(() => {
    const values = form.getValues()
    router.replace(`${pathname}${writeQuestion('principal', { ...values } as Record<string, string>)}`, {
      scroll: false,
    })
  })
  return (
    <section aria-labelledby="principal-heading" className="space-y-5">
      <h2 id="principal-heading" className="text-lg font-semibold">
        What can a principal do in {cluster.name}?
      </h2>
      <PrincipalSearch
        region={cluster.region}
        onPick={(arn) => form.setValue('principalArn', arn, { shouldValidate: true })}
      />
      <form
        noValidate
        onSubmit={(e) => void submit(e)}
        className="grid gap-4 md:grid-cols-[2fr_1fr_1fr_auto] md:items-start"
      >
        <TextField
          form={form}
          name="principalArn"
          id="ea-principal-arn"
          label="IAM role or user ARN"
          hint="Any role or user, with or without access to this cluster; a role session ARN works too."
          placeholder="arn:aws:iam::111122223333:role/TeamADeveloper"
          autoComplete="off"
          spellCheck={false}
          inputClassName="font-mono"
        />
        <TextField
          form={form}
          name="namespaces"
          id="ea-principal-namespaces"
          label={
            <>
              Namespaces <span className="font-normal text-zinc-500 dark:text-zinc-400">(optional)</span>
            </>
          }
          hint="Comma-separated; the first 60 when empty."
          placeholder="team-a, team-b"
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          form={form}
          name="sessionName"
          id="ea-principal-session"
          label={
            <>
              Session name <span className="font-normal text-zinc-500 dark:text-zinc-400">(optional)</span>
            </>
          }
          hint={SESSION_NAME_HINT}
          placeholder="EKSGetTokenAuth"
          autoComplete="off"
          spellCheck={false}
          inputClassName="font-mono"
        />
        <Button type="submit" variant="primary" className="md:mt-6" disabled={isFetching}>
          {isFetching ? 'Analysing…' : 'Analyse'}
        </Button>
      </form>
      {!asked ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          Enter an IAM role or user to see how it signs in to this cluster and what it may do there.
        </p>
      ) : error ? (
        <QueryError error={error} what="the principal's access" onRetry={() => void refetch()} />
      ) : !data ? (
        <div aria-busy="true" aria-label="Analysing the principal's access" className="space-y-3">
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-64 w-full" />
        </div>
      ) : (
        <PrincipalResult analysis={data} />
      )}
    </section>
  )
}
