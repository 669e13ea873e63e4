// The few fields of Kubernetes objects the console reads, typed as the API server sends them (JSON, timestamps as
// RFC 3339 strings) — not @kubernetes/client-node's models, which the list routes skip for speed.

export type KubeMetaJson = {
  name?: string
  namespace?: string
  uid?: string
  creationTimestamp?: string
  deletionTimestamp?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: { kind?: string; name?: string; controller?: boolean }[]
  managedFields?: unknown
}

export type ContainerStateJson = {
  running?: { startedAt?: string }
  waiting?: { reason?: string; message?: string }
  terminated?: { reason?: string; message?: string; exitCode?: number; signal?: number }
}

export type ContainerStatusJson = {
  name?: string
  image?: string
  ready?: boolean
  restartCount?: number
  state?: ContainerStateJson
  lastState?: ContainerStateJson
}

export type ConditionJson = { type?: string; status?: string; reason?: string; message?: string }

export type PodJson = {
  metadata?: KubeMetaJson
  spec?: {
    nodeName?: string
    serviceAccountName?: string
    containers?: { name?: string; image?: string }[]
    initContainers?: { name?: string; image?: string }[]
  }
  status?: {
    phase?: string
    reason?: string
    message?: string
    podIP?: string
    hostIP?: string
    qosClass?: string
    conditions?: ConditionJson[]
    containerStatuses?: ContainerStatusJson[]
    initContainerStatuses?: ContainerStatusJson[]
  }
}

export type NodeJson = {
  metadata?: KubeMetaJson
  spec?: { unschedulable?: boolean; providerID?: string; taints?: { key?: string; value?: string; effect?: string }[] }
  status?: {
    capacity?: Record<string, string>
    allocatable?: Record<string, string>
    conditions?: ConditionJson[]
    addresses?: { type?: string; address?: string }[]
    nodeInfo?: {
      kubeletVersion?: string
      osImage?: string
      kernelVersion?: string
      containerRuntimeVersion?: string
      architecture?: string
    }
  }
}

export type NamespaceJson = { metadata?: KubeMetaJson; status?: { phase?: string } }

export type EventJson = {
  type?: string
  reason?: string
  message?: string
  count?: number
  source?: { component?: string; host?: string }
  reportingComponent?: string
  firstTimestamp?: string | null
  lastTimestamp?: string | null
  eventTime?: string | null
  metadata?: KubeMetaJson
}
