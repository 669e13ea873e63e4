// Protobuf bodies of Secrets and the apps/v1 and batch/v1 kinds, as `kubectl create secret|deployment|job|cronjob`
// sends them (k8s.io/api core/v1, apps/v1, batch/v1 generated.proto field numbers). The pod template decodes the
// fields kubectl's generators set (containers' name, image, command, args, env, ports, imagePullPolicy; restartPolicy,
// serviceAccountName, nodeSelector); anything else in a protobuf body is dropped, so full manifests go as JSON
// (`kubectl apply` sends JSON).
import {
  readFields,
  readMessage,
  readMessages,
  readString,
  readStringMap,
  readStrings,
  type Fields,
} from './protobuf-reader'

type Json = Record<string, unknown>

function readNumber(f: Fields, n: number): number | undefined {
  const v = f.get(n)?.[0]
  return typeof v === 'number' ? v : undefined
}

function readBool(f: Fields, n: number): boolean | undefined {
  const v = readNumber(f, n)
  return v === undefined ? undefined : v !== 0
}

/** Drops undefined members and empty arrays, as JSON's omitempty would. */
function compact(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && !v.length)))
}

/** `map<string,bytes>` as base64 strings (Secret.data). */
function readBytesMap(f: Fields, n: number): Record<string, string> | undefined {
  const entries = (f.get(n) ?? []).filter(Buffer.isBuffer)
  if (entries.length === 0) return undefined
  const out: Record<string, string> = {}
  for (const e of entries) {
    const kv = readFields(e)
    const v = kv.get(2)?.[0]
    out[readString(kv, 1) ?? ''] = Buffer.isBuffer(v) ? v.toString('base64') : ''
  }
  return out
}

/** ObjectMeta fields a template carries: labels=11, annotations=12. */
function decodeTemplateMeta(f: Fields | undefined): Json {
  return f ? compact({ name: readString(f, 1), labels: readStringMap(f, 11), annotations: readStringMap(f, 12) }) : {}
}

/** LabelSelector: matchLabels=1, matchExpressions=2 {key=1, operator=2, values=3}. */
function decodeSelector(f: Fields | undefined): Json | undefined {
  if (!f) return undefined
  const expressions = readMessages(f, 2).map((e) =>
    compact({ key: readString(e, 1), operator: readString(e, 2), values: readStrings(e, 3) }),
  )
  return compact({ matchLabels: readStringMap(f, 1), matchExpressions: expressions })
}

/** Container: name=1 image=2 command=3 args=4 ports=6 {name=1 containerPort=3 protocol=4} env=7 {name=1 value=2} imagePullPolicy=14. */
function decodeContainer(c: Fields): Json {
  return compact({
    name: readString(c, 1),
    image: readString(c, 2),
    command: readStrings(c, 3),
    args: readStrings(c, 4),
    ports: readMessages(c, 6).map((p) =>
      compact({ name: readString(p, 1), containerPort: readNumber(p, 3), protocol: readString(p, 4) }),
    ),
    env: readMessages(c, 7).map((e) => compact({ name: readString(e, 1), value: readString(e, 2) })),
    resources: {},
    imagePullPolicy: readString(c, 14),
  })
}

/** PodTemplateSpec {metadata=1, spec=2 PodSpec {containers=2 restartPolicy=3 nodeSelector=7 serviceAccountName=8}}. */
function decodePodTemplate(f: Fields | undefined): Json | undefined {
  if (!f) return undefined
  const spec = readMessage(f, 2)
  return {
    metadata: decodeTemplateMeta(readMessage(f, 1)),
    spec: spec
      ? compact({
          containers: readMessages(spec, 2).map(decodeContainer),
          restartPolicy: readString(spec, 3),
          nodeSelector: readStringMap(spec, 7),
          serviceAccountName: readString(spec, 8),
        })
      : {},
  }
}

/** JobSpec: parallelism=1 completions=2 activeDeadlineSeconds=3 selector=4 template=6 backoffLimit=7 ttl=8 suspend=10. */
function decodeJobSpec(s: Fields | undefined): Json {
  if (!s) return {}
  return compact({
    parallelism: readNumber(s, 1),
    completions: readNumber(s, 2),
    activeDeadlineSeconds: readNumber(s, 3),
    selector: decodeSelector(readMessage(s, 4)),
    template: decodePodTemplate(readMessage(s, 6)),
    backoffLimit: readNumber(s, 7),
    ttlSecondsAfterFinished: readNumber(s, 8),
    suspend: readBool(s, 10),
  })
}

/** The spec field numbers per kind: replicas, selector, template (DaemonSets have no replicas). */
const APPS_SPEC: Record<string, { replicas?: number; selector: number; template: number }> = {
  Deployment: { replicas: 1, selector: 2, template: 3 },
  ReplicaSet: { replicas: 1, selector: 2, template: 3 },
  StatefulSet: { replicas: 1, selector: 2, template: 3 },
  DaemonSet: { selector: 1, template: 2 },
}

/** Decodes a Secret or workload body (after metadata), or undefined for other kinds. */
export function decodeWorkloadKind(kind: string | undefined, o: Fields, metadata: Json): Json | undefined {
  if (kind === 'Secret')
    return compact({
      metadata,
      data: readBytesMap(o, 2),
      type: readString(o, 3),
      stringData: readStringMap(o, 4),
      immutable: readBool(o, 5),
    })
  const spec = readMessage(o, 2)
  const apps = kind ? APPS_SPEC[kind] : undefined
  if (apps) {
    if (!spec) return { metadata, spec: {} }
    const out = compact({
      replicas: apps.replicas === undefined ? undefined : readNumber(spec, apps.replicas),
      selector: decodeSelector(readMessage(spec, apps.selector)),
      template: decodePodTemplate(readMessage(spec, apps.template)),
      serviceName: kind === 'StatefulSet' ? readString(spec, 5) : undefined,
    })
    return { metadata, spec: out }
  }
  if (kind === 'Job') return { metadata, spec: decodeJobSpec(spec) }
  if (kind === 'CronJob') {
    if (!spec) return { metadata, spec: {} }
    const template = readMessage(spec, 5)
    return {
      metadata,
      spec: compact({
        schedule: readString(spec, 1),
        concurrencyPolicy: readString(spec, 3),
        suspend: readBool(spec, 4),
        jobTemplate: template
          ? { metadata: decodeTemplateMeta(readMessage(template, 1)), spec: decodeJobSpec(readMessage(template, 2)) }
          : undefined,
        successfulJobsHistoryLimit: readNumber(spec, 6),
        failedJobsHistoryLimit: readNumber(spec, 7),
        timeZone: readString(spec, 8),
      }),
    }
  }
  return undefined
}
