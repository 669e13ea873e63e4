import 'server-only'

import type { Session } from 'next-auth'

/** One write the console made to a cluster's access entries. */
export type AccessChange = {
  actor: Session['user']
  region: string
  cluster: string
  action: string
  principalArn: string
  detail: Record<string, unknown>
  result: 'applied' | 'partial' | 'failed'
}

/** The single call site for auditing access-entry writes. */
export async function recordAccessChange(change: AccessChange): Promise<void> {
  void change
}
