import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

import { readDockerRuntime } from '@/tests/support/dockerfile-runtime'

// What the image promises (non-root, read-only root filesystem friendly, health check, no secrets baked in), and that
// the Helm chart mounts a volume at every path the image declares writable.

const root = join(import.meta.dirname, '..')
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8')
const runtimeStage =
  dockerfile
    .replace(/\\\n\s*/g, ' ')
    .split(/^FROM /m)
    .at(-1) ?? ''
const runtime = readDockerRuntime(root)

describe('Dockerfile', () => {
  it('runs the standalone server on a slim Node image as a non-root user, with a health check', () => {
    expect(runtimeStage).toMatch(/^node:(20|22)-slim AS runtime/)
    expect(runtimeStage).toMatch(/^USER node$/m)
    expect(runtimeStage).toMatch(/^HEALTHCHECK .*\/api\/health/m)
    expect(runtime.cmd).toEqual(['node', 'server.js'])
    expect(runtime.copies.map((c) => c.from)).toEqual(['.next/standalone/', '.next/static/', 'public/'])
  })

  it('bakes in no secret (no ARG, and no ENV that looks like one)', () => {
    expect(dockerfile).not.toMatch(/^ARG /m)
    expect(Object.keys(runtime.env).filter((k) => /SECRET|TOKEN|PASSWORD|DATABASE_URL/.test(k))).toEqual([])
  })

  it('keeps local state, secrets and the sandbox out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n')
    for (const entry of ['.env*', '.data', '.sandbox', 'node_modules', '.next', 'sandbox', '.git']) {
      expect(ignored, entry).toContain(entry)
    }
  })

  it('declares as volumes exactly the writable paths the Helm chart mounts', () => {
    const volumes = JSON.parse(/^VOLUME (\[.*\])$/m.exec(runtimeStage)?.[1] ?? '[]') as string[]
    const template = readFileSync(join(root, 'deploy/helm/eks-access-console/templates/deployment.yaml'), 'utf8')
    const mounts = [...template.matchAll(/mountPath: (\S+)/g)].map((m) => m[1] as string)
    expect([...volumes].sort()).toEqual([...mounts].sort())
    const sqlite = runtime.env.AUDIT_DB_PATH ?? ''
    expect(volumes.some((volume) => sqlite.startsWith(`${volume}/`))).toBe(true)
  })
})
