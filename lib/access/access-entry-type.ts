// Access entry types (EKS CreateAccessEntry `type`). The model field is a free string; these are the values the EKS
// user guide documents. `type` is immutable after creation.

/** Every documented access entry type; STANDARD is the default when omitted. */
export const accessEntryTypes = [
  'STANDARD',
  'EC2_LINUX',
  'EC2_WINDOWS',
  'FARGATE_LINUX',
  'HYBRID_LINUX',
  'EC2',
  'HYPERPOD_LINUX',
] as const

export type AccessEntryType = (typeof accessEntryTypes)[number]

/**
 * Normalizes a type as EKS might echo it: the user guide spells `EC2_Linux`/`EC2_Windows` in its CLI examples,
 * so compare case-insensitively. Returns undefined for an unknown value.
 */
export function normalizeAccessEntryType(type: string | undefined): AccessEntryType | undefined {
  const upper = (type ?? 'STANDARD').toUpperCase()
  return accessEntryTypes.find((t) => t === upper)
}

/**
 * Reports whether the type is a node type. Node entries take IAM roles of the cluster's account only, get their
 * groups from EKS, and reject policy associations ("…only be performed on Access Entries with a type of STANDARD").
 */
export function isNodeAccessEntryType(type: string | undefined): boolean {
  const normalized = normalizeAccessEntryType(type)
  return normalized !== undefined && normalized !== 'STANDARD'
}
