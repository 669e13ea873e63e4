// Route params and query strings of the resource routes (isomorphic zod; route files stay parse → call → answer).
import { z } from 'zod'

import { clusterParamsSchema } from '@/lib/clusters/cluster-params'

// Kubernetes object names: DNS subdomains (RFC 1123), at most 253 characters.
export const objectName = z
  .string()
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'Not a Kubernetes object name')
export const namespaceNameSchema = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'Not a namespace name')

export const namedParamsSchema = clusterParamsSchema.extend({ name: objectName })
export const podParamsSchema = clusterParamsSchema.extend({ namespace: namespaceNameSchema, name: objectName })

const nameList = (item: z.ZodString) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').filter(Boolean))
    .pipe(z.array(item).max(100, 'Ask for at most 100 counts at a time'))

/** GET …/pods/counts?namespaces=a,b or ?nodes=x,y */
export const podCountsQuerySchema = z.object({ namespaces: nameList(namespaceNameSchema), nodes: nameList(objectName) })

/** GET …/events?kind=Pod&name=x&namespace=y */
export const eventsQuerySchema = z.object({
  kind: z.enum(['Pod', 'Node', 'Namespace']),
  name: objectName,
  namespace: namespaceNameSchema.optional(),
})
