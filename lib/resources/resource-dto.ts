// What the console's resource routes answer with: compact row DTOs (only the columns the tables show) and detail
// DTOs. Isomorphic: the route handlers build them, lib/queries parses them with these schemas.
import { z } from 'zod'

/** A namespace the console may not list in, reported in place instead of failing the whole list. */
export const forbiddenNoticeSchema = z.object({
  namespace: z.string().nullable(),
  verb: z.string(),
  resource: z.string(),
  message: z.string(),
})
export type ForbiddenNotice = z.infer<typeof forbiddenNoticeSchema>

/** Paging facts every list page carries. */
const pageFields = {
  /** Opaque: pass back as `cursor` for the next page; null on the last page. */
  cursor: z.string().nullable(),
  /** Objects looked at to build this page (more than rows when a filter runs on the console's server). */
  scanned: z.number(),
  /** True when this page stopped at the per-request scan bound before filling up: "keep searching" continues. */
  budgetExhausted: z.boolean(),
  /** Kubernetes' remainingItemCount after this page, when it is known (unfiltered lists). */
  remaining: z.number().nullable(),
  forbidden: z.array(forbiddenNoticeSchema),
}

/** One page of a resource list: its rows and the paging facts every list page carries. */
export type ResourceListPage<Row> = { rows: Row[] } & z.infer<z.ZodObject<typeof pageFields>>

export const podRowSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  /** kubectl's STATUS: Running, CrashLoopBackOff, ImagePullBackOff, Completed, Evicted, Unschedulable, … */
  status: z.string(),
  phase: z.string(),
  ready: z.number(),
  containers: z.number(),
  restarts: z.number(),
  node: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.string().nullable(),
  serviceAccount: z.string().nullable(),
})
export type PodRow = z.infer<typeof podRowSchema>
export const podPageSchema = z.object({ rows: z.array(podRowSchema), ...pageFields })
export type PodPage = z.infer<typeof podPageSchema>

export const nodeSourceSchema = z.object({
  kind: z.enum(['nodegroup', 'auto-mode', 'karpenter', 'fargate', 'self-managed']),
  name: z.string().nullable(),
})
export type NodeSource = z.infer<typeof nodeSourceSchema>

export const nodeRowSchema = z.object({
  name: z.string(),
  /** Ready, NotReady or Unknown, with ",SchedulingDisabled" when cordoned (as kubectl prints it). */
  status: z.string(),
  /** Conditions other than Ready that are True (MemoryPressure, DiskPressure, …): trouble worth a badge. */
  problems: z.array(z.string()),
  roles: z.array(z.string()),
  instanceType: z.string().nullable(),
  zone: z.string().nullable(),
  version: z.string().nullable(),
  cpuCapacity: z.number().nullable(),
  cpuAllocatable: z.number().nullable(),
  memoryCapacity: z.number().nullable(),
  memoryAllocatable: z.number().nullable(),
  source: nodeSourceSchema,
  createdAt: z.string().nullable(),
})
export type NodeRow = z.infer<typeof nodeRowSchema>
export const nodePageSchema = z.object({ rows: z.array(nodeRowSchema), ...pageFields })
export type NodePage = z.infer<typeof nodePageSchema>

export const namespaceRowSchema = z.object({
  name: z.string(),
  status: z.string(),
  createdAt: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
})
export type NamespaceRow = z.infer<typeof namespaceRowSchema>
export const namespacePageSchema = z.object({ rows: z.array(namespaceRowSchema), ...pageFields })
export type NamespacePage = z.infer<typeof namespacePageSchema>

/** Pod counts by namespace or node name; `null` with a notice when the console may not list there. */
export const podCountsSchema = z.object({
  counts: z.record(
    z.string(),
    z.object({ count: z.number().nullable(), atLeast: z.boolean(), forbidden: z.string().nullable() }),
  ),
})
export type PodCounts = z.infer<typeof podCountsSchema>

export const kubeEventSchema = z.object({
  type: z.string(),
  reason: z.string(),
  message: z.string(),
  count: z.number(),
  source: z.string().nullable(),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
})
export type KubeEventDto = z.infer<typeof kubeEventSchema>
export const eventListSchema = z.object({
  events: z.array(kubeEventSchema),
  forbidden: forbiddenNoticeSchema.nullable(),
})
export type EventList = z.infer<typeof eventListSchema>

const metaFields = {
  name: z.string(),
  uid: z.string().nullable(),
  createdAt: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  /** The object as YAML (managedFields dropped), for the YAML view. */
  yaml: z.string(),
}

export const containerDtoSchema = z.object({
  name: z.string(),
  image: z.string(),
  init: z.boolean(),
  ready: z.boolean(),
  restarts: z.number(),
  state: z.string(),
  lastTermination: z.string().nullable(),
})

export const podDetailSchema = z.object({
  ...metaFields,
  row: podRowSchema,
  owner: z.object({ kind: z.string(), name: z.string() }).nullable(),
  hostIP: z.string().nullable(),
  qosClass: z.string().nullable(),
  /** Why it is not running, in Kubernetes' words (waiting message, scheduler message, eviction message). */
  message: z.string().nullable(),
  containers: z.array(containerDtoSchema),
  conditions: z.array(z.object({ type: z.string(), status: z.string(), reason: z.string().nullable() })),
})
export type PodDetail = z.infer<typeof podDetailSchema>

export const nodeDetailSchema = z.object({
  ...metaFields,
  row: nodeRowSchema,
  providerId: z.string().nullable(),
  internalIP: z.string().nullable(),
  osImage: z.string().nullable(),
  kernelVersion: z.string().nullable(),
  containerRuntime: z.string().nullable(),
  architecture: z.string().nullable(),
  podCapacity: z.number().nullable(),
  taints: z.array(z.string()),
  conditions: z.array(
    z.object({ type: z.string(), status: z.string(), reason: z.string().nullable(), message: z.string().nullable() }),
  ),
})
export type NodeDetail = z.infer<typeof nodeDetailSchema>

export const namespaceDetailSchema = z.object({ ...metaFields, row: namespaceRowSchema })
export type NamespaceDetail = z.infer<typeof namespaceDetailSchema>
