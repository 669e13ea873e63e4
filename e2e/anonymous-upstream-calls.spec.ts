// A request without a session must not make the console call AWS for it: the access page's server-side first screen
// starts its EKS fan-out (a 1,000-entry cluster costs ~2,000 calls) only for a signed-in person, or anyone could spend
// the account's EKS rate limit by asking for the page. Counted through /api/metrics.
import type { APIRequestContext } from '@playwright/test'

import { expect, test } from './fixtures'
import { E2E_METRICS_TOKEN } from './support/metrics-token'

const ACCESS_PAGE = '/clusters/us-west-2/prod-web/access'

/** Access-entry calls the console has made to EKS so far, by /api/metrics. */
async function accessEntryCalls(request: APIRequestContext): Promise<number> {
  const response = await request.get('/api/metrics', { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } })
  expect(response.status()).toBe(200)
  const text = await response.text()
  let total = 0
  for (const line of text.split('\n')) {
    const match = /^console_upstream_calls_total\{([^}]*)\} (\d+)/.exec(line)
    if (
      match &&
      /service="eks"/.test(match[1] ?? '') &&
      /operation="(ListAccessEntries|DescribeAccessEntry)"/.test(match[1] ?? '')
    )
      total += Number(match[2])
  }
  return total
}

test('an anonymous request for the access page is sent to sign in and makes no EKS call for the entries', async ({
  request,
  signInAs,
}) => {
  const before = await accessEntryCalls(request)
  const anonymous = await request.get(ACCESS_PAGE, { maxRedirects: 0 })
  expect([303, 307, 308]).toContain(anonymous.status())
  expect(anonymous.headers()['location']).toContain('/signin')
  // The load, had it started, would have sent ListAccessEntries within milliseconds.
  await new Promise((resolve) => setTimeout(resolve, 1_500))
  expect(await accessEntryCalls(request)).toBe(before)

  // The same page for a signed-in person does call EKS: the counter sees these calls.
  const page = await signInAs('viewer')
  await page.goto(ACCESS_PAGE)
  await expect(page.getByRole('status').filter({ hasText: /\d+ entries/ })).toBeVisible()
  expect(await accessEntryCalls(request)).toBeGreaterThan(before)
})
