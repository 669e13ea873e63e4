import { z } from 'zod'

/** GET /api/clusters/:region/:cluster/kubeconfig (JSON): the file, its name, its context and the CLI equivalent. */
export const generatedKubeconfigSchema = z.object({
  yaml: z.string(),
  fileName: z.string(),
  contextName: z.string(),
  command: z.string(),
})
export type GeneratedKubeconfig = z.infer<typeof generatedKubeconfigSchema>
