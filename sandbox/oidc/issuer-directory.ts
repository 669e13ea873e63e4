// Who the sandbox's OIDC issuers know: two "companies", each with its people, their groups and passwords, and the
// OAuth clients registered with it. Shown in the README ("The sandbox"); nothing here is a secret.

export interface IssuerPerson {
  email: string
  name: string
  password: string
  groups: string[]
}

export interface IssuerClient {
  clientId: string
  /** Confidential clients (the console) authenticate at the token endpoint; public ones (kubectl) use PKCE. */
  clientSecret?: string
}

export interface IssuerDirectory {
  /** The path segment: the issuer is `https://<sandbox kube host>/oidc/<id>`. */
  id: string
  people: IssuerPerson[]
  clients: IssuerClient[]
}

/** The client ID kubectl/kubelogin and the EKS association use (the ID tokens' audience). */
export const KUBERNETES_CLIENT_ID = 'kubernetes'
/** The console's own registration (`npm start` passes it as OIDC_CLIENT_ID / OIDC_CLIENT_SECRET). */
export const CONSOLE_CLIENT_ID = 'eks-access-console'
export const CONSOLE_CLIENT_SECRET = 'sandbox-console-secret'

const clients: IssuerClient[] = [
  { clientId: KUBERNETES_CLIENT_ID },
  { clientId: CONSOLE_CLIENT_ID, clientSecret: CONSOLE_CLIENT_SECRET },
]

/** The company whose IdP the seed associates with a cluster, and whose groups map to console roles. */
export const EXAMPLE_ISSUER: IssuerDirectory = {
  id: 'example',
  people: [
    { email: 'alice@example.com', name: 'Alice Platform', password: 'alice-sandbox', groups: ['platform'] },
    { email: 'dev@example.com', name: 'Dana Developer', password: 'dev-sandbox', groups: ['team-a-devs'] },
    { email: 'auditor@example.com', name: 'Avery Auditor', password: 'auditor-sandbox', groups: ['auditors'] },
    { email: 'guest@example.com', name: 'Gus Guest', password: 'guest-sandbox', groups: ['contractors'] },
  ],
  clients,
}

/** A second company: associated with no cluster, so its tokens are refused everywhere. */
export const ANOTHER_COMPANY_ISSUER: IssuerDirectory = {
  id: 'another-company',
  people: [{ email: 'eve@another.example', name: 'Eve Elsewhere', password: 'eve-sandbox', groups: ['platform'] }],
  clients,
}

export const SANDBOX_ISSUERS: readonly IssuerDirectory[] = [EXAMPLE_ISSUER, ANOTHER_COMPANY_ISSUER]
