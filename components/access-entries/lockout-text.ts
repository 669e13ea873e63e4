import type { LockoutRisk } from '@/lib/access/access-entry-dto'

/** Why a change trips the lockout guard, in the words the confirmation shows. */
export const lockoutText: Record<LockoutRisk, string> = {
  'last-cluster-admin':
    'This is the last access entry with AmazonEKSClusterAdminPolicy on the whole cluster. Without it, nobody can administer the cluster through access entries.',
  'console-principal':
    "This is the console's own AWS principal. Removing its access stops this console from managing the cluster.",
  'console-identity-unknown':
    "The console could not determine its own AWS identity just now (STS GetCallerIdentity failed), so this entry may be the console's own. Removing its access could stop this console from managing the cluster.",
}
