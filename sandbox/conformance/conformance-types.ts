// The shape of one conformance row: a command of a real client (aws CLI or kubectl), who runs it, and what it must
// produce. Rows are data, so the same table runs against the sandbox and against a real AWS account.

/**
 * Who runs a row. `admin` may do everything; `limited` is an IAM principal whose identity policies allow neither
 * sts:AssumeRole on the conformance role nor EKS writes; the two kubeconfigs are written by earlier rows.
 */
export type ConformanceActor = 'admin' | 'limited' | 'kube-admin' | 'kube-dev'

export interface ConformanceRow {
  /** Short section name: access-entries, access-policies, aws-auth, pod-identity, irsa, oidc-providers, rbac, token… */
  area: string
  title: string
  tool: 'aws' | 'kubectl'
  /** Arguments; `{cluster}`, `{configMapCluster}`, `{region}`, `{account}`, `{namespace}`, `{otherNamespace}`, `{prefix}`, `{dir}` are filled in. */
  args: string[]
  as: ConformanceActor
  expect: {
    /** `0` for success; for a failure, the AWS error code (as the CLI prints it in parentheses) or kubectl text. */
    exit: 0 | 'fail'
    error?: string
    /** Substrings stdout must contain (after placeholder filling). */
    stdout?: string[]
  }
  /**
   * Rows of one chain run in order; different chains run side by side (between the `setup` and `cleanup` rows, which
   * run alone). Default `main`.
   */
  chain?: string
  /** Remembers a value from stdout (group 1 of `pattern`) for later rows' `{name}` placeholders. */
  capture?: { name: string; pattern: RegExp }
  /** In the smoke subset (with every setup and cleanup row) that the unit-test suite runs: one or two rows per area. */
  smoke?: boolean
  /** Only meaningful against the sandbox (it relies on seeded data a real account does not have). */
  sandboxOnly?: boolean
}

/** Where the table runs and the names it uses. */
export interface ConformanceTarget {
  /** `AWS_ENDPOINT_URL` for every AWS call; undefined against real AWS. */
  endpointUrl?: string
  region: string
  account: string
  /** A cluster in API or API_AND_CONFIG_MAP mode with namespace `namespace` (and `otherNamespace`). */
  cluster: string
  /** A cluster in CONFIG_MAP mode, if any (its rows are skipped otherwise). */
  configMapCluster?: string
  namespace: string
  otherNamespace: string
  /** Prefix of every IAM role and object the table creates (and deletes again). */
  prefix: string
  /** Environment (credentials) per AWS actor; an actor without one skips its rows. */
  credentials: Partial<Record<'admin' | 'limited', Record<string, string>>>
  /** Whether this is the sandbox (sandbox-only rows run). */
  sandbox: boolean
}

export interface RowResult {
  row: ConformanceRow
  status: 'pass' | 'fail' | 'skip'
  /** Why it failed or was skipped. */
  detail?: string
}
