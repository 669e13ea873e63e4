// PLACEHOLDER owned by the EKS work: replace with the real EKS state model.
export interface EksState {
  clusters: unknown[]
}
