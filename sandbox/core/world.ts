import type { EksState } from '../eks/state'
import type { IamState } from '../iam/state'

/** Everything the sandbox's AWS side knows; persisted as JSON under the state directory. */
export interface World {
  version: 1
  account: string
  iam: IamState
  eks: EksState
}
