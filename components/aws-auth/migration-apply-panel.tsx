'use client'

import { useState } from 'react'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { CodeBlock } from '@/components/ui/code-block'
import type { MigrationPlanDto } from '@/lib/aws-auth/migration-dto'
import type { MigrationTarget } from '@/lib/aws-auth/migration-schemas'
import type { MigrationRun } from '@/lib/queries/aws-auth-migration-queries'

const phaseText: Record<MigrationRun['phase'], string> = {
  idle: '',
  enabling: 'Enabling access entries (API_AND_CONFIG_MAP), waiting for EKS…',
  creating: 'Creating access entries…',
  finishing: 'Finishing: switching the mode and waiting for EKS…',
  done: 'Migration finished.',
  failed: 'The migration stopped.',
}

/** Target mode, the aws-auth deletion option, the CLI equivalent, and the apply button with its progress. */
export function MigrationApplyPanel({
  data,
  run,
  onApply,
}: {
  data: MigrationPlanDto
  run: MigrationRun
  onApply: (target: MigrationTarget, deleteAwsAuth: boolean) => void
}) {
  const blockers = data.plan.apiBlockers.length > 0
  const [target, setTarget] = useState<MigrationTarget>('API_AND_CONFIG_MAP')
  const [deleteAwsAuth, setDeleteAwsAuth] = useState(true)
  const running = ['enabling', 'creating', 'finishing'].includes(run.phase)
  const commands = data.commands[target]
  const percent = run.total === 0 ? (run.phase === 'done' ? 100 : 0) : Math.round((run.done / run.total) * 100)
  return (
    <section aria-labelledby="apply-heading" className="space-y-3">
      <h3 id="apply-heading" className="font-semibold">
        Apply
      </h3>
      <fieldset className="space-y-2 text-sm" disabled={running}>
        <legend className="mb-1 font-medium">Target authentication mode</legend>
        <label className="flex items-start gap-2">
          <input
            type="radio"
            name="target"
            checked={target === 'API_AND_CONFIG_MAP'}
            onChange={() => setTarget('API_AND_CONFIG_MAP')}
          />
          <span>
            API_AND_CONFIG_MAP — create the entries and keep aws-auth (it still applies where no entry exists).
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input
            type="radio"
            name="target"
            checked={target === 'API'}
            disabled={blockers}
            onChange={() => setTarget('API')}
          />
          <span>
            API — only access entries grant access; one way, EKS cannot go back.
            {blockers ? ' Not possible while the plan has blockers.' : ''}
          </span>
        </label>
        {target === 'API' ? (
          <label className="ml-6 flex items-center gap-2">
            <input type="checkbox" checked={deleteAwsAuth} onChange={(e) => setDeleteAwsAuth(e.target.checked)} />
            Delete kube-system/aws-auth afterwards (EKS no longer reads it)
          </label>
        ) : null}
      </fieldset>
      <CodeBlock
        label="Equivalent eksctl command (eksctl skips Fargate roles and keeps refused usernames)"
        code={commands.eksctl}
      />
      <CodeBlock label="Equivalent AWS CLI and kubectl commands (this plan)" code={commands.aws.join('\n')} />
      <Button
        variant="primary"
        disabled={running || !data.consolePrincipal.keepsAccess}
        onClick={() => onApply(target, target === 'API' && deleteAwsAuth)}
      >
        {running ? 'Migrating…' : run.phase === 'failed' ? 'Run the migration again' : `Migrate to ${target}`}
      </Button>
      {run.phase !== 'idle' ? (
        <div className="space-y-1">
          <p role="status" className="text-sm">
            {phaseText[run.phase]} {run.total > 0 ? `${run.done} of ${run.total} entries.` : ''}
          </p>
          <div
            role="progressbar"
            aria-label="Migration progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 w-full overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800"
          >
            <div
              className="h-full bg-emerald-600 transition-all dark:bg-emerald-500"
              style={{ width: `${percent}%` }}
            />
          </div>
        </div>
      ) : null}
      {run.error ? (
        <Alert variant="error" title="The migration stopped">
          {run.error.message} Running it again picks up where it stopped: existing entries are kept.
        </Alert>
      ) : null}
      {run.final ? (
        <Alert variant="info" title={`The cluster is on ${run.final.authenticationMode}`}>
          {run.results.filter((r) => r.status === 'created').length} entries created,{' '}
          {run.results.filter((r) => r.status === 'exists').length} already there.
          {run.final.awsAuthDeleted ? ' kube-system/aws-auth was deleted.' : ''}
        </Alert>
      ) : null}
    </section>
  )
}
