/* eslint-disable @typescript-eslint/no-explicit-any -- rendered manifests are untyped YAML; the schema check types them */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Deployment } from 'kubernetes-models/apps/v1/Deployment'
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress'
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget'
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap'
import { Service } from 'kubernetes-models/v1/Service'
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount'
import { describe, expect, it } from 'vitest'
import { parse, parseAllDocuments } from 'yaml'

import { renderHelmTemplate, type HelmContext } from '@/tests/support/helm-template-lite'

// Renders the chart as `helm template` would (for the subset of Go templates it uses) and checks every manifest
// against the Kubernetes OpenAPI schemas (kubernetes-models), then what the chart promises: 2 replicas, probes on the
// health routes, a locked-down security context, secrets only by reference.

const chartDir = join(import.meta.dirname, 'eks-access-console')
const defaults = parse(readFileSync(join(chartDir, 'values.yaml'), 'utf8')) as Record<string, unknown>

type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; [key: string]: unknown }
const models: Record<string, new (data: never) => { validate(): void }> = {
  Deployment,
  Ingress,
  PodDisruptionBudget,
  ConfigMap,
  Service,
  ServiceAccount,
}

function renderChart(overrides: Record<string, unknown> = {}): Manifest[] {
  const context: HelmContext = {
    Values: { ...defaults, ...overrides },
    Release: { Name: 'console', Namespace: 'eks-console' },
  }
  return readdirSync(join(chartDir, 'templates'))
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .flatMap((file) => {
      const text = renderHelmTemplate(readFileSync(join(chartDir, 'templates', file), 'utf8'), context)
      return parseAllDocuments(text).map((doc) => {
        if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message}\n${text}`)
        return doc.toJS() as Manifest | null
      })
    })
    .filter((m): m is Manifest => m !== null)
}

const byKind = (manifests: Manifest[], kind: string) =>
  manifests.find((m) => m.kind === kind) as Manifest & Record<string, any>

describe('Helm chart', () => {
  it.each([
    ['defaults', {}],
    [
      'with ingress and TLS',
      {
        ingress: {
          enabled: true,
          className: 'alb',
          host: 'c.example.com',
          annotations: { a: 'b' },
          tlsSecretName: 'tls',
        },
      },
    ],
    [
      'with IRSA and metrics annotations',
      {
        serviceAccount: {
          name: 'sa',
          annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/console' },
        },
        metrics: { annotations: true },
      },
    ],
  ])('renders manifests the Kubernetes schemas accept (%s)', (_name, overrides) => {
    const manifests = renderChart(overrides)
    expect(manifests.length).toBeGreaterThanOrEqual(5)
    for (const manifest of manifests) {
      const Model = models[manifest.kind]
      expect(Model, `no schema check for ${manifest.kind}`).toBeDefined()
      expect(() => new Model!(manifest as never).validate(), `${manifest.kind} ${manifest.metadata.name}`).not.toThrow()
    }
  })

  it('the schema check catches a broken manifest (it can fail)', () => {
    const deployment = byKind(renderChart(), 'Deployment')
    deployment.spec.replicas = 'two'
    expect(() => new Deployment(deployment as never).validate()).toThrow()
  })

  it('runs 2 replicas with probes, requests and a locked-down container', () => {
    const manifests = renderChart()
    const deployment = byKind(manifests, 'Deployment')
    expect(deployment.spec.replicas).toBe(2)
    const pod = deployment.spec.template.spec
    const [container] = pod.containers
    expect(pod.securityContext.runAsNonRoot).toBe(true)
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    })
    expect(container.readinessProbe.httpGet.path).toBe('/api/health/ready')
    expect(container.livenessProbe.httpGet.path).toBe('/api/health')
    expect(container.resources.requests).toEqual({ cpu: '100m', memory: '256Mi' })
    expect(pod.serviceAccountName).toBe(byKind(manifests, 'ServiceAccount').metadata.name)
    expect(byKind(manifests, 'PodDisruptionBudget').spec.selector).toEqual(deployment.spec.selector)
    expect(byKind(manifests, 'Service').spec.selector).toEqual(deployment.spec.selector.matchLabels)
  })

  it('takes every secret from a Secret reference, never from values', () => {
    const deployment = byKind(renderChart(), 'Deployment')
    const env = deployment.spec.template.spec.containers[0].env as { name: string; value?: string; valueFrom?: any }[]
    for (const name of ['NEXTAUTH_SECRET', 'OIDC_CLIENT_SECRET', 'DATABASE_URL', 'METRICS_TOKEN']) {
      const entry = env.find((e) => e.name === name)
      expect(entry?.valueFrom?.secretKeyRef?.name, name).toBe('eks-access-console')
      expect(entry?.value).toBeUndefined()
    }
    const config = byKind(renderChart(), 'ConfigMap').data as Record<string, string>
    expect(Object.keys(config).filter((k) => /SECRET|DATABASE_URL|TOKEN/.test(k))).toEqual([])
  })

  it('leaves DATABASE_URL out when its key is empty (one replica on SQLite)', () => {
    const names = (overrides: Record<string, unknown>) =>
      (byKind(renderChart(overrides), 'Deployment').spec.template.spec.containers[0].env as { name: string }[]).map(
        (e) => e.name,
      )
    expect(names({})).toContain('DATABASE_URL')
    const keys = { ...(defaults.secret as any).keys, databaseUrl: '' }
    expect(names({ secret: { name: 'eks-access-console', keys } })).not.toContain('DATABASE_URL')
  })

  it('writes only to mounted volumes (read-only root filesystem)', () => {
    const pod = byKind(renderChart(), 'Deployment').spec.template.spec
    const mounts = (pod.containers[0].volumeMounts as { mountPath: string }[]).map((m) => m.mountPath).sort()
    expect(mounts).toEqual(['/app/.next/cache', '/data', '/tmp'])
  })

  it('renders the Ingress only when enabled', () => {
    expect(renderChart().some((m) => m.kind === 'Ingress')).toBe(false)
    const on = renderChart({
      ingress: { enabled: true, className: 'alb', host: 'c.example.com', annotations: {}, tlsSecretName: '' },
    })
    expect(byKind(on, 'Ingress').spec.rules[0].host).toBe('c.example.com')
    expect(byKind(on, 'Ingress').spec.tls).toBeUndefined()
  })

  it('the renderer refuses constructs it does not implement', () => {
    expect(() =>
      renderHelmTemplate('{{ range .Values.x }}{{ end }}', { Values: {}, Release: { Name: 'r', Namespace: 'n' } }),
    ).toThrow()
    expect(() =>
      renderHelmTemplate('{{ .Values.missing }}', { Values: {}, Release: { Name: 'r', Namespace: 'n' } }),
    ).toThrow()
    expect(
      renderHelmTemplate('a:\n  {{- if .Values.on }}\n  b: 1\n  {{- end }}\n', {
        Values: { on: true },
        Release: { Name: 'r', Namespace: 'n' },
      }),
    ).toBe('a:\n  b: 1\n')
  })
})
