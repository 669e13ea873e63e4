import 'server-only'

import {
  DescribeAddonCommand,
  DescribeFargateProfileCommand,
  DescribeNodegroupCommand,
  paginateListAddons,
  paginateListFargateProfiles,
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

/** A Fargate profile's name and the pod execution role its pods run with. */
export type FargateProfileRole = { name: string; podExecutionRoleArn: string | null }

/** ListFargateProfiles (all pages) then DescribeFargateProfile for each: the pod execution role of every profile. */
export async function listFargateProfileRoles(region: string, clusterName: string): Promise<FargateProfileRole[]> {
  const client = getEksClient(region)
  try {
    const names: string[] = []
    for await (const page of paginateListFargateProfiles({ client, pageSize: 100 }, { clusterName })) {
      names.push(...(page.fargateProfileNames ?? []))
    }
    return await mapLimited(names, DESCRIBE_CONCURRENCY, async (fargateProfileName) => {
      const { fargateProfile } = await client.send(
        new DescribeFargateProfileCommand({ clusterName, fargateProfileName }),
      )
      return { name: fargateProfileName, podExecutionRoleArn: fargateProfile?.podExecutionRoleArn ?? null }
    })
  } catch (error) {
    throw toConsoleError(error, eksContext(region, clusterName))
  }
}
