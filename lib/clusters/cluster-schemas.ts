import { z } from 'zod'

/** A cluster is addressed by its region and name everywhere (URLs, query keys, API paths). */
export type ClusterRef = { region: string; name: string }

/** EKS `accessConfig.authenticationMode`; CONFIG_MAP is the API default when it is absent. */
export const authenticationModeSchema = z.enum(['CONFIG_MAP', 'API_AND_CONFIG_MAP', 'API'])
export type AuthenticationMode = z.infer<typeof authenticationModeSchema>

/** One row of the cluster inventory. */
export const clusterSummarySchema = z.object({
  name: z.string(),
  region: z.string(),
  arn: z.string().nullable(),
  status: z.string(),
  version: z.string().nullable(),
  platformVersion: z.string().nullable(),
  authenticationMode: authenticationModeSchema,
  autoMode: z.boolean(),
  createdAt: z.string().nullable(),
})
export type ClusterSummary = z.infer<typeof clusterSummarySchema>

/** How one region's listing went: the inventory shows the other regions even when one fails. */
export const regionResultSchema = z.object({
  region: z.string(),
  ok: z.boolean(),
  clusterCount: z.number(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
})
export type RegionResult = z.infer<typeof regionResultSchema>

/** GET /api/clusters */
export const clusterInventorySchema = z.object({
  clusters: z.array(clusterSummarySchema),
  regions: z.array(regionResultSchema),
})
export type ClusterInventory = z.infer<typeof clusterInventorySchema>

export const nodegroupSchema = z.object({
  name: z.string(),
  status: z.string(),
  version: z.string().nullable(),
  releaseVersion: z.string().nullable(),
  amiType: z.string().nullable(),
  capacityType: z.string().nullable(),
  instanceTypes: z.array(z.string()),
  desiredSize: z.number().nullable(),
  minSize: z.number().nullable(),
  maxSize: z.number().nullable(),
  nodeRoleArn: z.string().nullable(),
})
export type Nodegroup = z.infer<typeof nodegroupSchema>

export const addonSchema = z.object({
  name: z.string(),
  version: z.string().nullable(),
  status: z.string(),
  serviceAccountRoleArn: z.string().nullable(),
  isPodIdentityAgent: z.boolean(),
})
export type Addon = z.infer<typeof addonSchema>

/**
 * Where the EKS Pod Identity agent comes from: the `eks-pod-identity-agent` add-on, built into EKS Auto Mode nodes
 * (no add-on needed), or missing (Pod Identity associations would not take effect).
 */
export const podIdentityAgentSchema = z.enum(['addon', 'built-in', 'missing'])
export type PodIdentityAgent = z.infer<typeof podIdentityAgentSchema>

/** GET /api/clusters/:region/:cluster */
export const clusterOverviewSchema = clusterSummarySchema.extend({
  endpoint: z.string().nullable(),
  oidcIssuer: z.string().nullable(),
  roleArn: z.string().nullable(),
  bootstrapClusterCreatorAdminPermissions: z.boolean().nullable(),
  computeConfig: z.object({
    enabled: z.boolean(),
    nodePools: z.array(z.string()),
    nodeRoleArn: z.string().nullable(),
  }),
  nodegroups: z.array(nodegroupSchema),
  addons: z.array(addonSchema),
  podIdentityAgent: podIdentityAgentSchema,
  tags: z.record(z.string(), z.string()),
})
export type ClusterOverview = z.infer<typeof clusterOverviewSchema>

/** GET /api/session/whoami */
export const whoamiSchema = z.object({
  user: z.object({ name: z.string(), email: z.string().nullable() }),
  role: z.enum(['viewer', 'editor', 'admin']),
  authMode: z.enum(['sandbox', 'oidc', 'local-token']),
})
export type Whoami = z.infer<typeof whoamiSchema>

/**
 * GET /api/clusters/:region/:cluster/console-identity — who the console is on AWS (STS GetCallerIdentity) and on the
 * cluster (SelfSubjectReview). A cluster that refuses the console is an answer (`kubernetes.ok: false`), not an error.
 */
export const consoleIdentitySchema = z.object({
  aws: z.object({ arn: z.string(), account: z.string(), userId: z.string() }),
  kubernetes: z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      username: z.string(),
      uid: z.string().nullable(),
      groups: z.array(z.string()),
    }),
    z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
  ]),
})
export type ConsoleIdentity = z.infer<typeof consoleIdentitySchema>
