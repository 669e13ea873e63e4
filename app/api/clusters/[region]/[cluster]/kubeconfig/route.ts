import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { kubeconfigOptionsSchema } from '@/lib/kubeconfig/kubeconfig-options'
import { generateKubeconfig } from '@/lib/kubeconfig/server/kubeconfig-service'

// GET /api/clusters/:region/:cluster/kubeconfig?roleArn=&profile=&alias=&userAlias=[&download=1]
// JSON for the page's preview; with download=1 the YAML file itself, as an attachment. Viewers may: it holds no secret.
export const GET = withRole<{ region: string; cluster: string }>('viewer', async ({ req, params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const query = new URL(req.url).searchParams
  const options = kubeconfigOptionsSchema.parse({
    roleArn: query.get('roleArn') ?? '',
    profile: query.get('profile') ?? '',
    alias: query.get('alias') ?? '',
    userAlias: query.get('userAlias') ?? '',
  })
  const kubeconfig = await generateKubeconfig({ region, name: cluster }, options)
  if (query.get('download') !== '1') return Response.json(kubeconfig)
  return new Response(kubeconfig.yaml, {
    headers: {
      'content-type': 'application/yaml; charset=utf-8',
      'content-disposition': `attachment; filename="${kubeconfig.fileName}"`,
      'cache-control': 'no-store',
    },
  })
})
