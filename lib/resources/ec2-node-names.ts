// EC2 node names on EKS: `ip-10-0-32-7.us-west-2.compute.internal` (us-east-1: `ip-….ec2.internal`), or `i-<id>…`
// with resource-based naming. Tables show the short form; filters complete it again. Isomorphic.

const EC2_SUFFIX = /\.(?:[a-z]{2}(?:-[a-z]+)+-\d+\.compute|ec2)\.internal$/
const SHORT_EC2_NAME = /^(?:ip-\d+-\d+-\d+-\d+|i-[0-9a-f]{8,17})$/

/** The DNS suffix every EC2 node of a region shares. */
function ec2Suffix(region: string): string {
  return region === 'us-east-1' ? '.ec2.internal' : `.${region}.compute.internal`
}

/** A node name without the suffix every node shares, so tables keep room for other columns; other names unchanged. */
export function shortNodeName(name: string): string {
  return name.replace(EC2_SUFFIX, '')
}

/** A node name as typed, or the short form the tables show completed with the cluster region's suffix. */
export function completeNodeName(node: string, region: string): string {
  return SHORT_EC2_NAME.test(node) ? node + ec2Suffix(region) : node
}
