// The browser title names the subject as people write it: `Group system:masters`, not `system%3Amasters`.
import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { generateMetadata } = await import('./page')

describe('subject page title', () => {
  it('decodes the subject name once', async () => {
    const params = Promise.resolve({
      region: 'us-west-2',
      cluster: 'prod-web',
      kind: 'Group',
      name: 'system%3Amasters',
    })
    expect(await generateMetadata({ params })).toEqual({ title: 'Group system:masters · prod-web' })
  })
})
