import { X509Certificate } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { loadOrCreateKubeTls, loadOrCreateKubeTlsAsync } from './tls'

const dir = mkdtempSync(path.join(tmpdir(), 'kube-tls-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the sandbox Kubernetes TLS material', () => {
  it('issues a server certificate the CA verifies, for loopback names', async () => {
    const tls = await loadOrCreateKubeTlsAsync(dir)
    const ca = new X509Certificate(tls.caCertPem)
    const server = new X509Certificate(tls.serverCertPem)
    expect(ca.verify(ca.publicKey)).toBe(true)
    expect(server.checkIssued(ca)).toBe(true)
    expect(server.verify(ca.publicKey)).toBe(true)
    expect(server.subjectAltName).toContain('IP Address:127.0.0.1')
    expect(statSync(path.join(dir, 'kube-tls', 'server.key')).mode & 0o777).toBe(0o600)
  })

  it('keeps the CA and the server key across restarts (no key to generate), with a fresh certificate', async () => {
    const first = loadOrCreateKubeTls(dir)
    const second = await loadOrCreateKubeTlsAsync(dir)
    expect(second.caCertPem).toBe(first.caCertPem)
    expect(second.serverKeyPem).toBe(first.serverKeyPem)
    expect(new X509Certificate(second.serverCertPem).serialNumber).not.toBe(
      new X509Certificate(first.serverCertPem).serialNumber,
    )
  })

  it('makes a CA of its own without a state dir', () => {
    const a = loadOrCreateKubeTls()
    const b = loadOrCreateKubeTls()
    expect(new X509Certificate(a.serverCertPem).verify(new X509Certificate(b.caCertPem).publicKey)).toBe(false)
  })
})
