'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'

import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { TextField } from '@/components/ui/text-field'
import type { AwsAuthViewDto } from '@/lib/aws-auth/aws-auth-dto'
import { awsAuthAccountSchema } from '@/lib/aws-auth/aws-auth-schemas'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { ChangeReview } from './change-review'

const accountFormSchema = z.object({ account: awsAuthAccountSchema })

/** Add a mapAccounts row: the account ID, then the diff to approve. */
export function AccountDialog({
  cluster,
  view,
  onClose,
  onSaved,
}: {
  cluster: ClusterRef
  view: AwsAuthViewDto
  onClose: () => void
  onSaved: (message: string) => void
}) {
  const [account, setAccount] = useState<string>()
  const form = useForm({ resolver: zodResolver(accountFormSchema), defaultValues: { account: '' } })
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title="Add an account (mapAccounts)" wide>
      {account ? (
        <ChangeReview
          cluster={cluster}
          view={view}
          change={{ op: 'add-account', account }}
          onCancel={() => setAccount(undefined)}
          onDone={() => onSaved(`Account ${account} added.`)}
        />
      ) : (
        <form onSubmit={form.handleSubmit((input) => setAccount(input.account))} className="space-y-4" noValidate>
          <TextField
            form={form}
            name="account"
            id="aws-auth-account"
            label="AWS account ID"
            hint="Every IAM principal of this account will sign in as its own ARN with no groups; RBAC decides the rest."
            inputClassName="font-mono"
            inputMode="numeric"
          />
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary">
              Review change
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  )
}
