/** Who signed a request, as STS GetCallerIdentity would report it. */
export interface Caller {
  /** `arn:aws:iam::<acct>:user/<name>` for users, `arn:aws:sts::<acct>:assumed-role/<role>/<session>` for sessions. */
  arn: string
  /** `AIDA…` for users, `AROA…:<session>` for role sessions. */
  userId: string
  account: string
  accessKeyId: string
}

/** A request that passed SigV4 verification, handed to one service (eks, iam or sts). */
export interface AwsRequest {
  method: string
  /** The path exactly as received, still percent-encoded: EKS puts whole ARNs in one `%2F`-encoded segment. */
  rawPath: string
  query: URLSearchParams
  /** Header names lower-cased. */
  headers: Record<string, string>
  body: Buffer
  /** Region and service from the SigV4 credential scope. */
  region: string
  service: string
  caller: Caller
  requestId: string
}

export interface AwsResponse {
  status: number
  headers?: Record<string, string>
  body?: string
}

/** What a service handler gets besides the request: the live World and a way to ask for it to be persisted. */
export interface ServiceContext {
  world: import('./world').World
  /** Call after mutating `world`; the server writes the state file soon after (bursts coalesced). */
  markDirty(): void
  /** Call after an EKS cluster was created or deleted (the sandbox connects its Kubernetes API). */
  clustersChanged?(): void
}
