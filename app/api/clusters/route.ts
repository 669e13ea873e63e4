import { withRole } from '@/lib/api/server/with-role'
import { listClustersAcrossRegions } from '@/lib/aws/eks-clusters'

// GET /api/clusters — every cluster in CONSOLE_REGIONS; a failing region is reported, not fatal.
export const GET = withRole('viewer', async () => Response.json(await listClustersAcrossRegions()))
