import type { LockoutRisk } from '@/lib/access-entries/access-entry-dto'

/** Why a change trips the lockout guard, in the words the confirmation shows. */
export const lockoutText: Record<LockoutRisk, string> = {
  'last-cluster-admin':
    'This is the last access entry with AmazonEKSClusterAdminPolicy on the whole cluster. Without it, nobody can administer the cluster through access entries.',
  'console-principal':
    "This is the console's own AWS principal. Removing its access stops this console from managing the cluster.",
}
