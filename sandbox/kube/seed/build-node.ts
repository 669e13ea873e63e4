// Nodes as EKS managed node groups and EKS Auto Mode (Karpenter) create them, with the well-known labels the console
// groups by: topology.kubernetes.io/zone, node.kubernetes.io/instance-type, eks.amazonaws.com/nodegroup or
// karpenter.sh/nodepool + eks.amazonaws.com/compute-type=auto.
import type { KubeObject } from '../types'
import { buildStableHex, buildStableUid, formatSeedTime } from './seed-random'

/** The kubelet version nodes report; matches the API server's /version minor. */
export const KUBELET_VERSION = 'v1.32.9-eks-113cf36'

const INSTANCE_SIZES: Record<string, { cpu: string; memory: string; pods: string }> = {
  'm5.large': { cpu: '2', memory: '7910348Ki', pods: '29' },
  'm5.xlarge': { cpu: '4', memory: '15896552Ki', pods: '58' },
  'm6i.2xlarge': { cpu: '8', memory: '32086984Ki', pods: '58' },
  'c6i.xlarge': { cpu: '4', memory: '7843848Ki', pods: '58' },
  'c5.large': { cpu: '2', memory: '3880428Ki', pods: '29' },
  'r6i.large': { cpu: '2', memory: '15896552Ki', pods: '29' },
  'g5.xlarge': { cpu: '4', memory: '16068084Ki', pods: '58' },
  'm6i.large': { cpu: '2', memory: '7910348Ki', pods: '29' },
  'm6i.xlarge': { cpu: '4', memory: '15896552Ki', pods: '58' },
  'm5a.xlarge': { cpu: '4', memory: '15896552Ki', pods: '58' },
  'c5.2xlarge': { cpu: '8', memory: '15896552Ki', pods: '58' },
  'c6a.large': { cpu: '2', memory: '3880428Ki', pods: '29' },
  'm7g.large': { cpu: '2', memory: '7910348Ki', pods: '29' },
}

/** Graviton instance families (the `g` after the generation digit) run arm64. */
function resolveArch(instanceType: string): 'arm64' | 'amd64' {
  return /^[a-z]+\dg/.test(instanceType) ? 'arm64' : 'amd64'
}

export interface NodeInput {
  region: string
  zone: string
  instanceType: string
  /** 0–255 third and fourth octet source; private IP 10.0.x.y. */
  ipIndex: number
  ageMinutes: number
  nodegroup?: { name: string; capacityType: 'ON_DEMAND' | 'SPOT' }
  /** Auto Mode node pool (system | general-purpose). */
  nodePool?: string
  ready?: boolean
  /** Defaults to KUBELET_VERSION. */
  kubeletVersion?: string
}

/** Private IP of the i-th node, in the VPC's 10.0.0.0/16. */
export function formatNodeIp(ipIndex: number): string {
  return `10.0.${32 + Math.floor(ipIndex / 250)}.${(ipIndex % 250) + 4}`
}

/** Builds a seeded Node: managed node groups name nodes by private DNS; Auto Mode names them by instance ID. */
export function buildNode(n: NodeInput): KubeObject {
  const ip = formatNodeIp(n.ipIndex)
  const instanceId = `i-0${buildStableHex(`${n.region}/${n.ipIndex}/${n.nodePool ?? n.nodegroup?.name}`, 16)}`
  const dns = `ip-${ip.replace(/\./g, '-')}.${n.region}.compute.internal`
  const name = n.nodePool ? instanceId : dns
  const size = INSTANCE_SIZES[n.instanceType] ?? { cpu: '2', memory: '7910348Ki', pods: '29' }
  const arch = resolveArch(n.instanceType)
  const labels: Record<string, string> = {
    'kubernetes.io/arch': arch,
    'kubernetes.io/os': 'linux',
    'kubernetes.io/hostname': name,
    'beta.kubernetes.io/arch': arch,
    'beta.kubernetes.io/os': 'linux',
    'beta.kubernetes.io/instance-type': n.instanceType,
    'node.kubernetes.io/instance-type': n.instanceType,
    'topology.kubernetes.io/region': n.region,
    'topology.kubernetes.io/zone': n.zone,
    'failure-domain.beta.kubernetes.io/region': n.region,
    'failure-domain.beta.kubernetes.io/zone': n.zone,
  }
  if (n.nodegroup) {
    labels['eks.amazonaws.com/nodegroup'] = n.nodegroup.name
    labels['eks.amazonaws.com/capacityType'] = n.nodegroup.capacityType
    labels['eks.amazonaws.com/nodegroup-image'] = 'ami-0c2d3e4f5a6b7c8d9'
  }
  if (n.nodePool) {
    labels['karpenter.sh/nodepool'] = n.nodePool
    labels['karpenter.sh/capacity-type'] = 'on-demand'
    labels['eks.amazonaws.com/compute-type'] = 'auto'
    labels['eks.amazonaws.com/nodeclass'] = 'default'
    labels['karpenter.sh/registered'] = 'true'
  }
  const ready = n.ready ?? true
  const heartbeat = formatSeedTime(0.5)
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: buildStableUid(`node/${name}`),
      creationTimestamp: formatSeedTime(n.ageMinutes),
      labels,
      annotations: { 'alpha.kubernetes.io/provided-node-ip': ip, 'node.alpha.kubernetes.io/ttl': '0' },
    },
    spec: {
      providerID: `aws:///${n.zone}/${instanceId}`,
      ...(n.nodePool === 'system' ? { taints: [{ key: 'CriticalAddonsOnly', effect: 'NoSchedule' }] } : {}),
    },
    status: {
      capacity: { cpu: size.cpu, memory: size.memory, pods: size.pods, 'ephemeral-storage': '83873772Ki' },
      allocatable: {
        cpu: `${Number(size.cpu) * 1000 - 70}m`,
        memory: size.memory,
        pods: size.pods,
        'ephemeral-storage': '76224326324',
      },
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          lastHeartbeatTime: heartbeat,
          lastTransitionTime: formatSeedTime(n.ageMinutes),
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
        },
        {
          type: 'DiskPressure',
          status: 'False',
          lastHeartbeatTime: heartbeat,
          lastTransitionTime: formatSeedTime(n.ageMinutes),
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
        },
        {
          type: 'PIDPressure',
          status: 'False',
          lastHeartbeatTime: heartbeat,
          lastTransitionTime: formatSeedTime(n.ageMinutes),
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
        },
        ready
          ? {
              type: 'Ready',
              status: 'True',
              lastHeartbeatTime: heartbeat,
              lastTransitionTime: formatSeedTime(n.ageMinutes - 1),
              reason: 'KubeletReady',
              message: 'kubelet is posting ready status',
            }
          : {
              type: 'Ready',
              status: 'Unknown',
              lastHeartbeatTime: formatSeedTime(42),
              lastTransitionTime: formatSeedTime(41),
              reason: 'NodeStatusUnknown',
              message: 'Kubelet stopped posting node status.',
            },
      ],
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'InternalDNS', address: dns },
        { type: 'Hostname', address: dns },
      ],
      nodeInfo: {
        machineID: buildStableHex(`machine/${name}`, 32),
        systemUUID: buildStableUid(`sys/${name}`),
        bootID: buildStableUid(`boot/${name}`),
        kernelVersion: n.nodePool ? '6.1.119' : '5.10.228-219.884.amzn2.x86_64',
        osImage: n.nodePool ? 'Bottlerocket (EKS Auto) 2025.1.7 (aws-k8s-1.32)' : 'Amazon Linux 2023.6.20250107',
        containerRuntimeVersion: 'containerd://1.7.25',
        kubeletVersion: n.kubeletVersion ?? KUBELET_VERSION,
        kubeProxyVersion: n.kubeletVersion ?? KUBELET_VERSION,
        operatingSystem: 'linux',
        architecture: arch,
      },
    },
  }
}
