import { describe, expect, it, vi } from 'vitest'

import { getOnFreshSocketIfStale } from './kube-raw'

vi.mock('server-only', () => ({}))

const ok = { ok: true as const, value: 'page' }
const reset = (staleSocket: boolean) =>
  Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', ...(staleSocket ? { staleSocket } : {}) })

describe('getOnFreshSocketIfStale', () => {
  it('sends a GET again once when a kept-alive socket turned out closed', async () => {
    const send = vi.fn().mockRejectedValueOnce(reset(true)).mockResolvedValueOnce(ok)
    await expect(getOnFreshSocketIfStale(send)).resolves.toBe(ok)
    expect(send).toHaveBeenCalledTimes(2)
  })

  it.each([
    ['a reset on a fresh socket', reset(false)],
    ['any other failure', new Error('certificate has expired')],
  ])('does not send again after %s', async (_, error) => {
    const send = vi.fn().mockRejectedValue(error)
    await expect(getOnFreshSocketIfStale(send)).rejects.toBe(error)
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('sends at most twice', async () => {
    const send = vi.fn().mockRejectedValue(reset(true))
    await expect(getOnFreshSocketIfStale(send)).rejects.toThrow('ECONNRESET')
    expect(send).toHaveBeenCalledTimes(2)
  })
})
