// The kubeconfig options' defaults and query string, zod-free for the page (docs/client-bundle.md); the schema that
// checks the options is in kubeconfig-options.ts.
import type { KubeconfigOptions } from './kubeconfig-options'

export type { KubeconfigOptions }

/** No option chosen: what `aws eks update-kubeconfig --name <cluster>` writes. */
export const defaultKubeconfigOptions: KubeconfigOptions = { roleArn: '', profile: '', alias: '', userAlias: '' }

/** The options as URL query parameters, leaving out the ones not chosen (the route and the download link use it). */
export function kubeconfigSearchParams(options: KubeconfigOptions): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(options)) if (value) params.set(key, value)
  return params
}
