// Cluster authentication modes (EKS accessConfig.authenticationMode). Transitions are one-way:
// CONFIG_MAP → API_AND_CONFIG_MAP → API; EKS rejects skipping a step ("Unsupported authentication mode update from
// CONFIG_MAP to API"), a same-mode update, and every step back.

/** The three modes, in the only order EKS lets a cluster move through them. */
export const authenticationModes = ['CONFIG_MAP', 'API_AND_CONFIG_MAP', 'API'] as const

export type AuthenticationMode = (typeof authenticationModes)[number]

/** What a mode means for a platform admin, and which sources of identity mappings EKS reads in it. */
export type AuthenticationModeInfo = {
  mode: AuthenticationMode
  label: string
  explanation: string
  readsAccessEntries: boolean
  readsAwsAuth: boolean
}

const INFO: Record<AuthenticationMode, AuthenticationModeInfo> = {
  CONFIG_MAP: {
    mode: 'CONFIG_MAP',
    label: 'ConfigMap only',
    explanation:
      'Only the aws-auth ConfigMap in kube-system maps IAM principals to Kubernetes users and groups. Access entries and access policies cannot be used.',
    readsAccessEntries: false,
    readsAwsAuth: true,
  },
  API_AND_CONFIG_MAP: {
    mode: 'API_AND_CONFIG_MAP',
    label: 'EKS API and ConfigMap',
    explanation:
      'Both access entries and the aws-auth ConfigMap are read. When a principal appears in both, the access entry wins and its aws-auth mapping is ignored.',
    readsAccessEntries: true,
    readsAwsAuth: true,
  },
  API: {
    mode: 'API',
    label: 'EKS API only',
    explanation:
      'Only access entries grant access; the aws-auth ConfigMap is ignored. This cannot be undone: the cluster can never return to a ConfigMap mode.',
    readsAccessEntries: true,
    readsAwsAuth: false,
  },
}

/** Returns the plain-English description of a mode and what it reads. */
export function describeAuthenticationMode(mode: AuthenticationMode): AuthenticationModeInfo {
  return INFO[mode]
}

/** Returns the only mode a cluster may move to next, or undefined when it is already on API (the end state). */
export function nextAuthenticationMode(mode: AuthenticationMode): AuthenticationMode | undefined {
  const index = authenticationModes.indexOf(mode)
  return authenticationModes[index + 1]
}

/** Reports whether EKS accepts an UpdateClusterConfig from `from` to `to` (exactly one step forward). */
export function canChangeAuthenticationMode(from: AuthenticationMode, to: AuthenticationMode): boolean {
  return nextAuthenticationMode(from) === to
}

/** Narrows an arbitrary string (e.g. from DescribeCluster) to a known mode. */
export function isAuthenticationMode(value: unknown): value is AuthenticationMode {
  return typeof value === 'string' && (authenticationModes as readonly string[]).includes(value)
}
