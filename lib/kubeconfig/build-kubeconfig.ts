import { Document, isMap, isScalar, isSeq, Scalar, visit } from 'yaml'

import { buildUpdateKubeconfigArgs } from '@/lib/access/cli-commands'

import type { KubeconfigOptions } from './kubeconfig-options'

/** What DescribeCluster tells us about the cluster, all a kubeconfig needs. */
export type KubeconfigCluster = {
  name: string
  /** `arn:aws:eks:<region>:<account>:cluster/<name>`: the cluster entry's name, and the source of the region. */
  arn: string
  endpoint: string
  /** `certificateAuthority.data`, base64 PEM, written as is. */
  caData: string
}

type NamedCluster = { name: string; cluster: { 'certificate-authority-data': string; server: string } }
type NamedContext = { name: string; context: { cluster: string; user: string } }
type ExecUser = {
  apiVersion: string
  args: string[]
  command: string
  env?: { name: string; value: string }[]
}
type NamedUser = { name: string; user: { exec: ExecUser } }

/** A kubeconfig file as kubectl reads it (the subset `aws eks update-kubeconfig` writes). */
export type KubeconfigDocument = {
  apiVersion: 'v1'
  kind: 'Config'
  clusters: NamedCluster[]
  contexts: NamedContext[]
  'current-context': string
  preferences: Record<string, never>
  users: NamedUser[]
}

/** The region of an EKS cluster ARN: update-kubeconfig takes it from `arn.split(":")[3]`, not the CLI config. */
export function regionFromClusterArn(arn: string): string {
  const region = arn.split(':')[3]
  if (!region) throw new Error(`not an EKS cluster ARN: ${arn}`)
  return region
}

/**
 * The kubeconfig `aws eks update-kubeconfig --name <cluster>` writes into an empty file (docs/eks-token-and-kubeconfig.md#the-kubeconfig-update-kubeconfig-writes): cluster, user
 * and context all named after the cluster ARN (`--alias` names the context, `--user-alias` the user), an exec user
 * running `aws eks get-token` with `--role` when a role is chosen, and AWS_PROFILE only when a profile is.
 */
export function buildKubeconfig(cluster: KubeconfigCluster, options: KubeconfigOptions): KubeconfigDocument {
  const userName = options.userAlias || cluster.arn
  const contextName = options.alias || userName
  const args = ['--region', regionFromClusterArn(cluster.arn), 'eks', 'get-token', '--cluster-name', cluster.name]
  args.push('--output', 'json')
  // The CLI writes `--role`, argparse's abbreviation of get-token's `--role-arn` (docs/eks-token-and-kubeconfig.md#the-kubeconfig-update-kubeconfig-writes).
  if (options.roleArn) args.push('--role', options.roleArn)
  const exec: ExecUser = {
    apiVersion: 'client.authentication.k8s.io/v1beta1',
    args,
    command: 'aws',
    ...(options.profile ? { env: [{ name: 'AWS_PROFILE', value: options.profile }] } : {}),
  }
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: cluster.arn, cluster: { 'certificate-authority-data': cluster.caData, server: cluster.endpoint } },
    ],
    contexts: [{ name: contextName, context: { cluster: cluster.arn, user: userName } }],
    'current-context': contextName,
    preferences: {},
    users: [{ name: userName, user: { exec } }],
  }
}

/**
 * YAML text of a kubeconfig. Written with the YAML 1.1 schema, which kubectl's parser follows, so any value it would
 * read as a boolean or number (`y`, `on`, `0755`) is quoted; exec env values are always quoted (toolchain.md).
 */
export function serializeKubeconfig(doc: KubeconfigDocument): string {
  const yaml = new Document(doc, { version: '1.1' })
  visit(yaml, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'env' && isSeq(pair.value)) {
        for (const item of pair.value.items) {
          if (!isMap(item)) continue
          const value = item.get('value', true)
          if (isScalar(value)) value.type = Scalar.QUOTE_DOUBLE
        }
      }
    },
  })
  return yaml.toString({ lineWidth: 0 })
}

/** `aws eks update-kubeconfig …` with the same options, for people who prefer the CLI to merge it for them. */
export function buildKubeconfigCommandArgs(cluster: { name: string; region: string }, options: KubeconfigOptions) {
  const argv = buildUpdateKubeconfigArgs({
    clusterName: cluster.name,
    region: cluster.region,
    roleArn: options.roleArn || undefined,
    alias: options.alias || undefined,
  })
  if (options.userAlias) argv.push('--user-alias', options.userAlias)
  // The CLI writes AWS_PROFILE into the exec env when its session has a profile, which `--profile` gives it.
  if (options.profile) argv.push('--profile', options.profile)
  return argv
}

/** The download's file name: `<cluster>-<region>.kubeconfig.yaml`. */
export function kubeconfigFileName(cluster: { name: string; region: string }): string {
  return `${cluster.name}-${cluster.region}.kubeconfig.yaml`
}
