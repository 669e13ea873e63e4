import { z } from 'zod'

/**
 * Route params naming a cluster. EKS cluster names are 1–100 characters of `[0-9A-Za-z][A-Za-z0-9\-_]*`; checking here
 * answers a mistyped URL with 422 instead of sending it to AWS.
 */
export const clusterParamsSchema = z.object({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'Not an AWS region code'),
  cluster: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[0-9A-Za-z][A-Za-z0-9\-_]*$/, 'Not a valid EKS cluster name'),
})
