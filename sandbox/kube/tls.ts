// The sandbox's cluster CA and API-server certificate. kubectl refuses to send credentials over http, so the
// Kubernetes API is HTTPS; DescribeCluster hands out this CA as `certificateAuthority.data` exactly like EKS does.
// CA and key are persisted under the state dir so kubeconfigs written earlier stay valid across restarts.
import { createPublicKey, generateKeyPair, generateKeyPairSync, randomBytes, sign } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import forge from 'node-forge'

export interface KubeTlsMaterial {
  caCertPem: string
  serverCertPem: string
  serverKeyPem: string
}

interface CaFiles {
  certPem: string
  keyPem: string
}

interface KeyPair {
  publicPem: string
  privatePem: string
}

const RSA_OPTIONS = {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
} as const

// Keys and signatures come from node:crypto (native); node-forge only lays out the certificates (its pure-JS RSA
// takes seconds to generate a key and tens of milliseconds per signature).
function generateRsaKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', RSA_OPTIONS)
  return { publicPem: publicKey, privatePem: privateKey }
}

/** The same off the main thread (libuv's pool), so that two keys are made side by side. */
function generateRsaKeyPairAsync(): Promise<KeyPair> {
  return new Promise((resolve, reject) =>
    generateKeyPair('rsa', RSA_OPTIONS, (error, publicKey, privateKey) =>
      error ? reject(error) : resolve({ publicPem: publicKey, privatePem: privateKey }),
    ),
  )
}

function keyPairFromPrivatePem(privatePem: string): KeyPair {
  return { privatePem, publicPem: createPublicKey(privatePem).export({ type: 'spki', format: 'pem' }).toString() }
}

/** Signs the certificate (sha256WithRSAEncryption) with node:crypto and returns its PEM. */
function signCertificate(cert: forge.pki.Certificate, signerPrivatePem: string): string {
  const oid = forge.pki.oids.sha256WithRSAEncryption ?? '1.2.840.113549.1.1.11'
  cert.signatureOid = oid
  cert.siginfo.algorithmOid = oid
  const getTbs = (forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 })
    .getTBSCertificate
  cert.tbsCertificate = getTbs(cert)
  const der = Buffer.from(forge.asn1.toDer(cert.tbsCertificate).getBytes(), 'binary')
  cert.signature = sign('sha256', der, signerPrivatePem).toString('binary')
  return forge.pki.certificateToPem(cert)
}

function buildSerial(): string {
  // A positive serial: clear the top bit of a random 16-byte value.
  const bytes = randomBytes(16)
  bytes[0] = (bytes[0] ?? 0) & 0x7f
  return bytes.toString('hex')
}

function buildCa(keys: KeyPair): CaFiles {
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem)
  cert.serialNumber = buildSerial()
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000)
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600_000)
  // EKS cluster CAs are self-signed with CN=kubernetes.
  const subject = [{ name: 'commonName', value: 'kubernetes' }]
  cert.setSubject(subject)
  cert.setIssuer(subject)
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ])
  return { certPem: signCertificate(cert, keys.privatePem), keyPem: keys.privatePem }
}

function issueServerCert(ca: CaFiles, keys: KeyPair): { certPem: string; keyPem: string } {
  const caCert = forge.pki.certificateFromPem(ca.certPem)
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem)
  cert.serialNumber = buildSerial()
  cert.validity.notBefore = new Date(Date.now() - 3600_000)
  cert.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600_000)
  cert.setSubject([{ name: 'commonName', value: 'kube-apiserver' }])
  cert.setIssuer(caCert.subject.attributes)
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 2, value: 'kubernetes.default.svc' },
        { type: 7, ip: '127.0.0.1' },
        { type: 7, ip: '::1' },
      ],
    },
  ])
  return { certPem: signCertificate(cert, ca.keyPem), keyPem: keys.privatePem }
}

const FILES = { caCert: 'ca.crt', caKey: 'ca.key', serverKey: 'server.key' }

function readIfExists(dir: string | undefined, name: string): string | undefined {
  const file = dir && path.join(dir, name)
  return file && existsSync(file) ? readFileSync(file, 'utf8') : undefined
}

function save(dir: string | undefined, name: string, pem: string, mode = 0o644): void {
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, name), pem, { mode })
}

/** The CA and server key saved in `dir`, and which of the two keys still have to be generated. */
function readSaved(stateDir: string | undefined) {
  const dir = stateDir ? path.join(stateDir, 'kube-tls') : undefined
  const caCertPem = readIfExists(dir, FILES.caCert)
  const caKeyPem = readIfExists(dir, FILES.caKey)
  const ca = caCertPem && caKeyPem ? { certPem: caCertPem, keyPem: caKeyPem } : undefined
  const serverKeyPem = readIfExists(dir, FILES.serverKey)
  return { dir, ca, serverKeys: serverKeyPem ? keyPairFromPrivatePem(serverKeyPem) : undefined }
}

function finish(
  dir: string | undefined,
  saved: { ca?: CaFiles; serverKeys?: KeyPair },
  caKeys: KeyPair | undefined,
  serverKeys: KeyPair,
): KubeTlsMaterial {
  let ca = saved.ca
  if (!ca) {
    ca = buildCa(caKeys ?? generateRsaKeyPair())
    save(dir, FILES.caCert, ca.certPem)
    save(dir, FILES.caKey, ca.keyPem, 0o600)
  }
  if (!saved.serverKeys) save(dir, FILES.serverKey, serverKeys.privatePem, 0o600)
  const server = issueServerCert(ca, serverKeys)
  return { caCertPem: ca.certPem, serverCertPem: server.certPem, serverKeyPem: server.keyPem }
}

/**
 * Loads the CA and the server key from `<stateDir>/kube-tls/` (creating and saving them on first use) and issues a
 * fresh server certificate for 127.0.0.1, ::1 and localhost. Without a state dir everything is ephemeral (tests).
 */
export function loadOrCreateKubeTls(stateDir?: string): KubeTlsMaterial {
  const saved = readSaved(stateDir)
  return finish(saved.dir, saved, undefined, saved.serverKeys ?? generateRsaKeyPair())
}

/** {@link loadOrCreateKubeTls}, generating missing keys side by side off the main thread (the sandbox's start-up). */
export async function loadOrCreateKubeTlsAsync(stateDir?: string): Promise<KubeTlsMaterial> {
  const saved = readSaved(stateDir)
  const [caKeys, serverKeys] = await Promise.all([
    saved.ca ? undefined : generateRsaKeyPairAsync(),
    saved.serverKeys ?? generateRsaKeyPairAsync(),
  ])
  return finish(saved.dir, saved, caKeys, serverKeys)
}
