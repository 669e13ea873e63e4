// The resources this API server serves, with what discovery reports for them (APIResource fields).

export interface ResourceDef {
  group: string
  version: string
  /** Plural resource name used in URLs and RBAC. */
  resource: string
  singular: string
  kind: string
  namespaced: boolean
  verbs: string[]
  shortNames?: string[]
  /** Storage key: events.k8s.io/v1 events share storage with core/v1 events (they are the same objects upstream). */
  storageKey: string
  /** Review APIs are create-only and not stored. */
  virtual?: boolean
  /** Discovery categories (`kubectl get all` expands `all`). */
  categories?: string[]
}

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']
const CREATE_ONLY = ['create']

/**
 * Workload kinds the sandbox stores, lists, watches and authorizes but never runs (no controllers: a Deployment gets
 * no ReplicaSet, a Job no Pod, and their status stays as written).
 */
const WORKLOADS: [group: string, resource: string, kind: string, shortNames: string[]][] = [
  ['apps', 'deployments', 'Deployment', ['deploy']],
  ['apps', 'replicasets', 'ReplicaSet', ['rs']],
  ['apps', 'daemonsets', 'DaemonSet', ['ds']],
  ['apps', 'statefulsets', 'StatefulSet', ['sts']],
  ['batch', 'jobs', 'Job', []],
  ['batch', 'cronjobs', 'CronJob', ['cj']],
]

function define(def: Omit<ResourceDef, 'storageKey' | 'singular'> & { storageKey?: string }): ResourceDef {
  return { ...def, singular: def.kind.toLowerCase(), storageKey: def.storageKey ?? `${def.group}/${def.resource}` }
}

/** Every served resource; discovery and the router both read this table. */
export const RESOURCES: readonly ResourceDef[] = [
  define({
    group: '',
    version: 'v1',
    resource: 'namespaces',
    kind: 'Namespace',
    namespaced: false,
    verbs: CRUD.filter((v) => v !== 'deletecollection'),
    shortNames: ['ns'],
  }),
  define({
    group: '',
    version: 'v1',
    resource: 'nodes',
    kind: 'Node',
    namespaced: false,
    verbs: CRUD,
    shortNames: ['no'],
  }),
  define({
    group: '',
    version: 'v1',
    resource: 'pods',
    kind: 'Pod',
    namespaced: true,
    verbs: CRUD,
    shortNames: ['po'],
  }),
  define({ group: '', version: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true, verbs: CRUD }),
  ...WORKLOADS.map(([group, resource, kind, shortNames]) =>
    define({ group, version: 'v1', resource, kind, namespaced: true, verbs: CRUD, shortNames, categories: ['all'] }),
  ),
  define({
    group: '',
    version: 'v1',
    resource: 'serviceaccounts',
    kind: 'ServiceAccount',
    namespaced: true,
    verbs: CRUD,
    shortNames: ['sa'],
  }),
  define({
    group: '',
    version: 'v1',
    resource: 'configmaps',
    kind: 'ConfigMap',
    namespaced: true,
    verbs: CRUD,
    shortNames: ['cm'],
  }),
  define({
    group: '',
    version: 'v1',
    resource: 'events',
    kind: 'Event',
    namespaced: true,
    verbs: CRUD,
    shortNames: ['ev'],
    storageKey: 'events',
  }),
  define({
    group: 'events.k8s.io',
    version: 'v1',
    resource: 'events',
    kind: 'Event',
    namespaced: true,
    verbs: CRUD,

    storageKey: 'events',
  }),
  define({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    resource: 'roles',
    kind: 'Role',
    namespaced: true,
    verbs: CRUD,
  }),
  define({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    resource: 'rolebindings',
    kind: 'RoleBinding',
    namespaced: true,
    verbs: CRUD,
  }),
  define({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    resource: 'clusterroles',
    kind: 'ClusterRole',
    namespaced: false,
    verbs: CRUD,
  }),
  define({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    resource: 'clusterrolebindings',
    kind: 'ClusterRoleBinding',
    namespaced: false,
    verbs: CRUD,
  }),
  define({
    group: 'authorization.k8s.io',
    version: 'v1',
    resource: 'selfsubjectaccessreviews',
    kind: 'SelfSubjectAccessReview',
    namespaced: false,
    verbs: CREATE_ONLY,
    virtual: true,
  }),
  define({
    group: 'authorization.k8s.io',
    version: 'v1',
    resource: 'selfsubjectrulesreviews',
    kind: 'SelfSubjectRulesReview',
    namespaced: false,
    verbs: CREATE_ONLY,
    virtual: true,
  }),
  define({
    group: 'authorization.k8s.io',
    version: 'v1',
    resource: 'subjectaccessreviews',
    kind: 'SubjectAccessReview',
    namespaced: false,
    verbs: CREATE_ONLY,
    virtual: true,
  }),
  define({
    group: 'authorization.k8s.io',
    version: 'v1',
    resource: 'localsubjectaccessreviews',
    kind: 'LocalSubjectAccessReview',
    namespaced: true,
    verbs: CREATE_ONLY,
    virtual: true,
  }),
  define({
    group: 'authentication.k8s.io',
    version: 'v1',
    resource: 'selfsubjectreviews',
    kind: 'SelfSubjectReview',
    namespaced: false,
    verbs: CREATE_ONLY,
    virtual: true,
  }),
]

/** The `apiVersion` string objects of a resource carry (`v1` or `<group>/<version>`). */
export function formatApiVersion(def: Pick<ResourceDef, 'group' | 'version'>): string {
  return def.group === '' ? def.version : `${def.group}/${def.version}`
}

/** Finds a served resource by group, version and plural name. */
export function findResource(group: string, version: string, resource: string): ResourceDef | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.resource === resource)
}

/** Finds the storage definition for a kind's canonical (first-registered) resource by storage key. */
export function findResourceByStorageKey(storageKey: string): ResourceDef | undefined {
  return RESOURCES.find((r) => r.storageKey === storageKey)
}

/** The storage key the store uses for a core/v1 or RBAC resource, for seeds and the AWS-side wiring. */
export function buildStorageKey(group: string, resource: string): string {
  return resource === 'events' ? 'events' : `${group}/${resource}`
}
