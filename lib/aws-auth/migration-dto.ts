// What the migration routes answer: the plan with its context, and the result of each step.
import type { AuthenticationMode } from '@/lib/clusters/cluster-schemas'

import type { MigrationCommands } from './migration-commands'
import type { PrincipalComparison } from './migration-comparison'
import type { MigrationPlan } from './migration-plan'

export type MigrationPlanDto = {
  cluster: { region: string; name: string; authenticationMode: AuthenticationMode }
  /** Whether kube-system/aws-auth exists (a missing one plans nothing). */
  awsAuthExists: boolean
  /** The console's own principal and whether the plan keeps its access (enabling entries is refused otherwise). */
  consolePrincipal: { arn: string; keepsAccess: boolean; message?: string }
  plan: MigrationPlan
  /** CLI equivalents per target mode (deleting aws-auth after the switch to API). */
  commands: { API_AND_CONFIG_MAP: MigrationCommands; API: MigrationCommands }
}

export type MigrationComparisonDto = { comparisons: PrincipalComparison[] }

export type EntryResult = {
  id: string
  principalArn: string
  /** created; exists = already there (a rerun), its policies associated again; failed = see message. */
  status: 'created' | 'exists' | 'failed'
  message?: string
}

export type MigrationStepResultDto =
  | { step: 'enable-access-entries'; authenticationMode: AuthenticationMode; updateId: string | null }
  | { step: 'create-entries'; results: EntryResult[] }
  | { step: 'finish'; authenticationMode: AuthenticationMode; updateId: string | null; awsAuthDeleted: boolean }
