import { z } from 'zod'

import { singleLineText } from '@/lib/validation/text-fields'

// Existing importers keep working; pages import these from kubeconfig-defaults.ts (no zod: docs/client-bundle.md).
export { defaultKubeconfigOptions, kubeconfigSearchParams } from './kubeconfig-defaults'

// IAM role ARNs, with an optional path: arn:<partition>:iam::<12 digits>:role/<path/>name (RoleName [\w+=,.@-]).
const ROLE_ARN = /^arn:aws(-cn|-us-gov|-iso[a-z-]*)?:iam::\d{12}:role\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/
// Profile names are section names in ~/.aws/config; keep to the characters the CLI docs use so the value survives
// a shell and a YAML file unquoted.
const PROFILE = /^[A-Za-z0-9_.+@-]{1,64}$/
// kubeconfig names are free text, but a space or a quote would make the equivalent shell command and
// `kubectl config use-context` awkward; ARN-like characters cover every name the CLI itself writes.
const NAME = /^[A-Za-z0-9_.:/@+-]{1,253}$/

const optional = (pattern: RegExp, message: string) =>
  singleLineText()
    .trim()
    .refine((value) => value === '' || pattern.test(value), message)

/**
 * The kubeconfig options (one schema for the form and the route). Empty means "not chosen", as when the flag is left
 * off `aws eks update-kubeconfig`.
 */
export const kubeconfigOptionsSchema = z.object({
  roleArn: optional(ROLE_ARN, 'Enter an IAM role ARN such as arn:aws:iam::111122223333:role/eks-developer'),
  profile: optional(PROFILE, 'Use letters, digits and . _ - + @ (the profile name in ~/.aws/config)'),
  alias: optional(NAME, 'Use letters, digits and . _ - : / @ + (no spaces)'),
  userAlias: optional(NAME, 'Use letters, digits and . _ - : / @ + (no spaces)'),
})

/** Chosen kubeconfig options; '' = not chosen. */
export type KubeconfigOptions = z.infer<typeof kubeconfigOptionsSchema>
