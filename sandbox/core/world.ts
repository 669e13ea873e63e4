import type { EksState } from '../eks/state'
import type { IamState } from '../iam/state'

/**
 * Everything the sandbox's AWS side knows; persisted as JSON under the state directory. Version 2 added IAM identity
 * policies: a saved version-1 World is dropped and reseeded (its users would have no policies, so no access).
 */
export interface World {
  version: 2
  account: string
  iam: IamState
  eks: EksState
}
