import 'server-only'

import {
  DescribeAddonCommand,
  DescribeNodegroupCommand,
  paginateListAddons,
  paginateListNodegroups,
} from '@aws-sdk/client-eks'

import type { Addon, Nodegroup } from '@/lib/clusters/cluster-schemas'

import { configuredAwsEndpoint, getEksClient } from './aws-clients'
import { toConsoleError } from './aws-errors'
import { toAddon, toNodegroup } from './cluster-mappers'
import { mapLimited } from './map-limited'

const DESCRIBE_CONCURRENCY = 6

function eksContext(region: string, cluster: string) {
  return {
    service: 'EKS' as const,
    region,
    endpoint: configuredAwsEndpoint(),
    notFoundMessage: `No cluster named ${cluster} in ${region}.`,
  }
}

/** ListNodegroups (all pages) then DescribeNodegroup for each: managed node groups with sizes and node roles. */
export async function listNodegroups(region: string, clusterName: string): Promise<Nodegroup[]> {
  const client = getEksClient(region)
  try {
    const names: string[] = []
    for await (const page of paginateListNodegroups({ client, pageSize: 100 }, { clusterName })) {
      names.push(...(page.nodegroups ?? []))
    }
    return await mapLimited(names, DESCRIBE_CONCURRENCY, async (nodegroupName) => {
      const { nodegroup } = await client.send(new DescribeNodegroupCommand({ clusterName, nodegroupName }))
      return toNodegroup(nodegroup ?? {}, nodegroupName)
    })
  } catch (error) {
    throw toConsoleError(error, eksContext(region, clusterName))
  }
}

/** ListAddons (all pages) then DescribeAddon for each. */
export async function listAddons(region: string, clusterName: string): Promise<Addon[]> {
  const client = getEksClient(region)
  try {
    const names: string[] = []
    for await (const page of paginateListAddons({ client, pageSize: 100 }, { clusterName })) {
      names.push(...(page.addons ?? []))
    }
    return await mapLimited(names, DESCRIBE_CONCURRENCY, async (addonName) => {
      const { addon } = await client.send(new DescribeAddonCommand({ clusterName, addonName }))
      return toAddon(addon ?? {}, addonName)
    })
  } catch (error) {
    throw toConsoleError(error, eksContext(region, clusterName))
  }
}
