import { expect, test } from './fixtures'

// The review's attack against the built console with a real editor session: a page on another port of the same host is
// same-site, so the SameSite=Lax session cookie goes along with its text/plain POST (no CORS preflight). It used to
// grant cluster-admin (201). Sent here with the signed-in browser context's cookies and the headers Chromium sets for
// such a request (this Chromium's local-network protection stops a routed attack page before the request leaves).
const principalArn = 'arn:aws:iam::111122223333:role/billing-irsa'
const grant = JSON.stringify({
  principalArn,
  accessPolicies: [
    {
      policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
      accessScope: { type: 'cluster' },
    },
  ],
})

test('a same-site page on another port cannot grant access with the editor session', async ({
  page,
  signInAs,
  baseURL,
}) => {
  await signInAs('editor')
  const target = `${baseURL}/api/clusters/us-west-2/prod-web/access-entries`
  const entryUrl = `${target}/${encodeURIComponent(principalArn)}`
  const ownOrigin = { origin: baseURL!, 'sec-fetch-site': 'same-origin' }
  // Start from no entry for the principal: an earlier spec of the run may have granted it.
  await page.request.delete(entryUrl, { headers: { ...ownOrigin, 'if-match': '*' } })
  expect((await page.request.get(entryUrl)).status()).toBe(404)
  const attacks = [
    // fetch(target, { mode: 'no-cors', method: 'POST', headers: { 'content-type': 'text/plain' }, body })
    { origin: 'http://localhost:3999', 'sec-fetch-site': 'same-site', 'content-type': 'text/plain;charset=UTF-8' },
    // <form enctype="text/plain" method="POST" action=target>
    { origin: 'http://localhost:3999', 'sec-fetch-site': 'same-site', 'content-type': 'text/plain' },
  ]
  for (const headers of attacks) {
    const response = await page.request.post(target, { headers, data: grant })
    expect(response.status()).toBe(403)
    expect((await response.json()).error.code).toBe('forbidden')
  }
  expect((await page.request.get(entryUrl)).status()).toBe(404)

  // The console's own page still writes: same origin, JSON.
  const own = await page.request.post(target, {
    headers: { ...ownOrigin, 'content-type': 'application/json' },
    data: grant,
  })
  expect(own.status()).toBe(201)
  // Leave the sandbox as the other specs expect it; a DELETE without a body needs no content type.
  const removed = await page.request.delete(entryUrl, { headers: ownOrigin })
  expect(removed.status()).toBe(200)
})
