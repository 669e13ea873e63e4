// The issuer's sign-in page (the authorization endpoint's GET): a plain form that posts the authorization request
// back with the person's credentials.

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

/** The HTML of the sign-in form; `params` are the authorization request's, carried as hidden fields. */
export function renderLoginPage(issuerName: string, params: URLSearchParams, error?: string): string {
  const hidden = [...params.entries()]
    .filter(([k]) => k !== 'username' && k !== 'password')
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Sign in to ${escapeHtml(issuerName)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.4rem}button{margin-top:1rem;padding:.5rem 1rem}[role=alert]{color:#b00020}</style>
</head><body><main><h1>Sign in to ${escapeHtml(issuerName)}</h1>
<p>The sandbox's identity provider (a stand-in for your company's IdP).</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post">${hidden}
<label for="username">Email</label><input id="username" name="username" type="email" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form></main></body></html>`
}
