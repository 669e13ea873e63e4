import 'server-only'

import { logServerError } from '@/lib/api/server/log-server-error'
import { env } from '@/lib/env'

// A chat webhook that hangs must not hold up the request or the decision that triggered it.
const WEBHOOK_TIMEOUT_MS = 5000

/**
 * Posts one line to ACCESS_REQUEST_WEBHOOK_URL as Slack-compatible JSON (`{ "text": … }`; Mattermost, Rocket.Chat and
 * Teams' Slack-compatible endpoints read the same). Never throws: the request or decision already happened, a failed
 * announcement goes to the server log.
 */
export async function announceAccessRequest(text: string): Promise<void> {
  const url = env.accessRequestWebhookUrl
  if (!url) return
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    })
    if (!response.ok) throw new Error(`the webhook answered HTTP ${response.status}`)
  } catch (error) {
    logServerError('access-request-webhook', 'Announcing an access request', error)
  }
}
