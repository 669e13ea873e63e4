// The sandbox's cluster CA and API-server certificate. kubectl refuses to send credentials over http, so the
// Kubernetes API is HTTPS; DescribeCluster hands out this CA as `certificateAuthority.data` exactly like EKS does.
// CA and key are persisted under the state dir so kubeconfigs written earlier stay valid across restarts.
import { generateKeyPairSync, randomBytes } from 'node:crypto'
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

function generateRsaKeyPair(): {
  publicKey: forge.pki.rsa.PublicKey
  privateKey: forge.pki.rsa.PrivateKey
  privatePem: string
} {
  // node:crypto generates keys natively (milliseconds); node-forge's pure-JS generator takes seconds.
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
  const forgePrivate = forge.pki.privateKeyFromPem(privateKey)
  return {
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
    privateKey: forgePrivate,
    privatePem: forge.pki.privateKeyToPem(forgePrivate),
  }
}

function buildSerial(): string {
  // A positive serial: clear the top bit of a random 16-byte value.
  const bytes = randomBytes(16)
  bytes[0] = (bytes[0] ?? 0) & 0x7f
  return bytes.toString('hex')
}

function generateCa(): CaFiles {
  const keys = generateRsaKeyPair()
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
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
  cert.sign(keys.privateKey, forge.md.sha256.create())
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privatePem }
}

function issueServerCert(ca: CaFiles): { certPem: string; keyPem: string } {
  const caCert = forge.pki.certificateFromPem(ca.certPem)
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem)
  const keys = generateRsaKeyPair()
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
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
  cert.sign(caKey, forge.md.sha256.create())
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privatePem }
}

/**
 * Loads the CA from `<stateDir>/kube-tls/` (creating and saving it on first use) and issues a fresh server
 * certificate for 127.0.0.1, ::1 and localhost. Without a state dir everything is ephemeral (tests).
 */
export function loadOrCreateKubeTls(stateDir?: string): KubeTlsMaterial {
  const dir = stateDir ? path.join(stateDir, 'kube-tls') : undefined
  let ca: CaFiles | undefined
  if (dir && existsSync(path.join(dir, 'ca.crt')) && existsSync(path.join(dir, 'ca.key'))) {
    ca = {
      certPem: readFileSync(path.join(dir, 'ca.crt'), 'utf8'),
      keyPem: readFileSync(path.join(dir, 'ca.key'), 'utf8'),
    }
  } else {
    ca = generateCa()
    if (dir) {
      mkdirSync(dir, { recursive: true })
      writeFileSync(path.join(dir, 'ca.crt'), ca.certPem)
      writeFileSync(path.join(dir, 'ca.key'), ca.keyPem, { mode: 0o600 })
    }
  }
  const server = issueServerCert(ca)
  return { caCertPem: ca.certPem, serverCertPem: server.certPem, serverKeyPem: server.keyPem }
}
