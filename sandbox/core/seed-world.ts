import { seedEks } from '../eks/state'
import { seedIam } from '../iam/seed/seed-iam'
import { ACCOUNT_ID } from './seed-constants'
import type { World } from './world'

/** Builds the seed World: IAM first, so the seeded EKS access entries can store their principals' unique IDs. */
export function createSeedWorld(scale: 'default' | 'large'): World {
  const iam = seedIam({ scale })
  return { version: 2, account: ACCOUNT_ID, iam, eks: seedEks({ scale, iam }) }
}
