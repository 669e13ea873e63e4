import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { decideMode, sandboxEnvironment } from './launch-mode'

const emptyHome = mkdtempSync(join(tmpdir(), 'home-'))
const homeWithAws = mkdtempSync(join(tmpdir(), 'home-'))
mkdirSync(join(homeWithAws, '.aws'))
writeFileSync(join(homeWithAws, '.aws', 'credentials'), '[default]\n')
afterAll(() => {
  for (const home of [emptyHome, homeWithAws]) rmSync(home, { recursive: true, force: true })
})

describe('decideMode', () => {
  it.each([
    [{}, emptyHome, 'sandbox'],
    [{}, homeWithAws, 'aws'],
    [{ AWS_PROFILE: 'prod' }, emptyHome, 'aws'],
    [{ AWS_ACCESS_KEY_ID: 'AKIA' }, emptyHome, 'aws'],
    [{ AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/token' }, emptyHome, 'aws'],
    [{ CONSOLE_SANDBOX: '1', AWS_PROFILE: 'prod' }, homeWithAws, 'sandbox'],
    [{ CONSOLE_SANDBOX: '0' }, emptyHome, 'aws'],
  ] as const)('env %o in %s → %s', (env, home, expected) => {
    expect(decideMode({ ...env }, home).kind).toBe(expected)
  })
})

describe('sandboxEnvironment', () => {
  it('points the SDK at the sandbox and keeps regions the person chose', () => {
    const env = sandboxEnvironment('4600', { CONSOLE_REGIONS: 'eu-west-1' })
    expect(env.AWS_ENDPOINT_URL).toBe('http://127.0.0.1:4600')
    expect(env.CONSOLE_REGIONS).toBe('eu-west-1')
    expect(sandboxEnvironment('4566', {}).CONSOLE_REGIONS).toBe('us-west-2,eu-west-1')
  })
})
