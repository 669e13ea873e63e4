'use client'

import { Download } from 'lucide-react'

import { buttonClasses } from '@/components/ui/button'
import { CopyButton } from '@/components/ui/copy-button'
import { Panel } from '@/components/ui/panel'
import { cn } from '@/lib/cn'
import type { GeneratedKubeconfig } from '@/lib/kubeconfig/generated-kubeconfig'

const codeClass =
  'overflow-x-auto rounded-md bg-zinc-950 p-4 font-mono text-xs leading-relaxed text-zinc-100 dark:bg-black/60'

/** A code block with a copy button in its corner. */
function CodeBlock({ code, label, className }: { code: string; label: string; className?: string }) {
  return (
    <div className="relative">
      <pre className={cn(codeClass, 'pr-12', className)} aria-label={label} tabIndex={0}>
        <code>{code}</code>
      </pre>
      <CopyButton
        value={code}
        label={`Copy ${label}`}
        className="absolute top-2 right-2 text-zinc-300 hover:bg-zinc-800 hover:text-white dark:hover:bg-zinc-800"
      />
    </div>
  )
}

/** The generated file with copy and download, the equivalent CLI command, and how to merge the file. */
export function KubeconfigPreview({
  kubeconfig,
  downloadUrl,
  stale,
  invalid,
}: {
  kubeconfig: GeneratedKubeconfig
  /** Absent while the options are invalid: the file shown is then the last valid one. */
  downloadUrl?: string
  stale: boolean
  /** The options in the form do not validate. */
  invalid: boolean
}) {
  return (
    <div className="space-y-6">
      <Panel
        as="h3"
        title="kubeconfig"
        description={
          <>
            Context <code className="font-mono text-xs break-all">{kubeconfig.contextName}</code>, file{' '}
            <code className="font-mono text-xs">{kubeconfig.fileName}</code>
          </>
        }
        actions={
          downloadUrl ? (
            <a href={downloadUrl} download={kubeconfig.fileName} className={buttonClasses('primary', 'shrink-0')}>
              <Download aria-hidden="true" className="size-4" /> Download
            </a>
          ) : (
            <span aria-disabled="true" className={buttonClasses('primary', 'shrink-0 cursor-not-allowed opacity-60')}>
              <Download aria-hidden="true" className="size-4" /> Download
            </span>
          )
        }
      >
        {invalid ? (
          <p role="status" className="mb-3 text-sm text-amber-800 dark:text-amber-300">
            Showing the file for the last valid options: correct the highlighted field to update it and download.
          </p>
        ) : null}
        <div aria-busy={stale} className={cn('transition-opacity', stale && 'opacity-60')}>
          <CodeBlock code={kubeconfig.yaml} label="kubeconfig YAML" className="max-h-[28rem]" />
        </div>
        <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
          The file holds no secret: kubectl runs <code className="font-mono">aws eks get-token</code> with your own AWS
          credentials each time it needs a token, so you need the AWS CLI and access to this cluster (an access entry or
          aws-auth mapping for your IAM identity).
        </p>
      </Panel>
      <Panel as="h3" title="Or let the AWS CLI write it" description="The same entries, merged into ~/.kube/config.">
        <CodeBlock code={kubeconfig.command} label="aws eks update-kubeconfig command" />
      </Panel>
      <Panel as="h3" title="Merge the download into ~/.kube/config">
        <p className="mb-3 text-sm text-zinc-700 dark:text-zinc-300">
          kubectl merges every file in KUBECONFIG; flatten them into one and keep a backup:
        </p>
        <CodeBlock
          label="merge commands"
          code={[
            'cp ~/.kube/config ~/.kube/config.bak',
            `KUBECONFIG=~/.kube/config:${kubeconfig.fileName} kubectl config view --flatten > /tmp/kubeconfig`,
            'mv /tmp/kubeconfig ~/.kube/config',
            `kubectl config use-context ${kubeconfig.contextName}`,
          ].join('\n')}
        />
      </Panel>
    </div>
  )
}
