import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { consoleStorePath, decideLaunch, findAwsConfiguration, sandboxEnvironment } from './launch-mode'

const emptyHome = mkdtempSync(join(tmpdir(), 'home-'))
const homeWithKeys = mkdtempSync(join(tmpdir(), 'home-'))
mkdirSync(join(homeWithKeys, '.aws'))
writeFileSync(join(homeWithKeys, '.aws', 'credentials'), '[default]\naws_access_key_id = AKIA\n')
const homeWithSso = mkdtempSync(join(tmpdir(), 'home-'))
mkdirSync(join(homeWithSso, '.aws'))
writeFileSync(join(homeWithSso, '.aws', 'config'), '[profile dev]\nsso_session = corp\n')
afterAll(() => {
  for (const home of [emptyHome, homeWithKeys, homeWithSso]) rmSync(home, { recursive: true, force: true })
})

const keys = { AWS_ACCESS_KEY_ID: 'AKIAFAKE', AWS_SECRET_ACCESS_KEY: 'fake', AWS_REGION: 'eu-west-1' }
const profile = { AWS_PROFILE: 'prod' }
const endpoint = { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }
const oidc = { CONSOLE_AUTH: 'oidc' }

// Every combination the issue names: AWS configuration × --aws × CONSOLE_AUTH. `notice` is what the one line names.
describe('decideLaunch', () => {
  it.each([
    { name: 'nothing configured', env: {}, home: emptyHome, aws: false, kind: 'sandbox', notice: undefined },
    { name: 'env keys', env: keys, home: emptyHome, aws: false, kind: 'sandbox', notice: /AWS_ACCESS_KEY_ID/ },
    { name: 'a profile', env: profile, home: emptyHome, aws: false, kind: 'sandbox', notice: /profile "prod"/ },
    { name: '~/.aws/credentials', env: {}, home: homeWithKeys, aws: false, kind: 'sandbox', notice: /credentials/ },
    { name: 'SSO in ~/.aws/config', env: {}, home: homeWithSso, aws: false, kind: 'sandbox', notice: /SSO/ },
    { name: 'AWS_ENDPOINT_URL', env: endpoint, home: emptyHome, aws: false, kind: 'sandbox', notice: /ENDPOINT/ },
    {
      name: 'keys + CONSOLE_AUTH=oidc',
      env: { ...keys, ...oidc },
      home: emptyHome,
      aws: false,
      kind: 'sandbox',
      notice: /AWS_ACCESS_KEY_ID/,
    },
    { name: '--aws, keys', env: keys, home: emptyHome, aws: true, kind: 'aws', auth: 'local-token' },
    { name: '--aws, a profile', env: profile, home: emptyHome, aws: true, kind: 'aws', auth: 'local-token' },
    { name: '--aws, endpoint', env: endpoint, home: emptyHome, aws: true, kind: 'aws', auth: 'local-token' },
    { name: '--aws, nothing configured', env: {}, home: emptyHome, aws: true, kind: 'aws', auth: 'local-token' },
    { name: '--aws + oidc', env: { ...profile, ...oidc }, home: emptyHome, aws: true, kind: 'aws', auth: 'oidc' },
    {
      name: '--aws + oidc + HOST',
      env: { ...profile, ...oidc, HOST: '0.0.0.0' },
      home: emptyHome,
      aws: true,
      kind: 'aws',
      auth: 'oidc',
    },
    { name: '--aws + sandbox sign-in', env: { ...keys, CONSOLE_AUTH: 'sandbox' }, home: emptyHome, aws: true },
    { name: '--aws, token sign-in + HOST', env: { ...keys, HOST: '0.0.0.0' }, home: emptyHome, aws: true },
    { name: 'local-token without --aws', env: { CONSOLE_AUTH: 'local-token' }, home: emptyHome, aws: false },
    { name: 'the old CONSOLE_SANDBOX=0', env: { CONSOLE_SANDBOX: '0' }, home: homeWithKeys, aws: false },
  ])('$name', ({ env, home, aws, kind = 'invalid', notice, auth }) => {
    const plan = decideLaunch({ ...env }, { aws }, home)
    expect(plan.kind).toBe(kind)
    if (plan.kind === 'sandbox') {
      if (notice) expect(plan.notice).toMatch(notice)
      else expect(plan.notice).toBeUndefined()
      expect(plan.notice ?? 'npm start -- --aws').toContain('npm start -- --aws')
    }
    if (plan.kind === 'aws') expect(plan.auth).toBe(auth)
  })

  it('binds 127.0.0.1 unless HOST says otherwise', () => {
    expect(decideLaunch({}, { aws: false }, emptyHome)).toMatchObject({ host: '127.0.0.1' })
    expect(decideLaunch({ HOST: '0.0.0.0' }, { aws: false }, emptyHome)).toMatchObject({ host: '0.0.0.0' })
    expect(decideLaunch(keys, { aws: true }, emptyHome)).toMatchObject({ host: '127.0.0.1' })
  })

  it('names the variable and the fix of each refusal', () => {
    const plan = decideLaunch({ ...keys, HOST: '0.0.0.0', CONSOLE_AUTH: 'sandbox' }, { aws: true }, emptyHome)
    expect(plan.kind === 'invalid' && plan.problems.map((p) => p.variable)).toEqual(['CONSOLE_AUTH', 'HOST'])
  })
})

describe('findAwsConfiguration', () => {
  it('prefers the environment over files, as the SDK does', () => {
    expect(findAwsConfiguration(profile, homeWithKeys)).toMatch(/AWS_PROFILE/)
    expect(findAwsConfiguration({}, emptyHome)).toBeUndefined()
  })
})

describe('sandboxEnvironment', () => {
  it('points the SDK at the sandbox, drops the person credentials and keeps regions the person chose', () => {
    const env = sandboxEnvironment('4600', { CONSOLE_REGIONS: 'eu-west-1', ...profile })
    expect(env.AWS_ENDPOINT_URL).toBe('http://127.0.0.1:4600')
    expect(env.CONSOLE_REGIONS).toBe('eu-west-1')
    expect(Object.keys(env)).toContain('AWS_PROFILE')
    expect(env.AWS_PROFILE).toBeUndefined()
    expect(sandboxEnvironment('4566', {}).CONSOLE_REGIONS).toBe('us-west-2,eu-west-1')
  })
})

describe('consoleStorePath', () => {
  it("keeps the sandbox console's store in the sandbox's state folder, so two sandboxes never share one", () => {
    expect(consoleStorePath({ kind: 'sandbox' }, {}, '.sandbox/e2e-3100')).toEqual({
      path: resolve('.sandbox/e2e-3100/audit.sqlite'),
      owned: true,
    })
    expect(consoleStorePath({ kind: 'sandbox' }, {}, '.sandbox').path).not.toBe(
      consoleStorePath({ kind: 'sandbox' }, {}, '.sandbox/e2e-3100').path,
    )
  })

  it('keeps .data/ for a real account, and AUDIT_DB_PATH wins (never removed on --reset)', () => {
    expect(consoleStorePath({ kind: 'aws' }, {}, '.sandbox')).toEqual({
      path: resolve('.data/audit.sqlite'),
      owned: false,
    })
    expect(consoleStorePath({ kind: 'sandbox' }, { AUDIT_DB_PATH: 'x/log.sqlite' }, '.sandbox')).toEqual({
      path: resolve('x/log.sqlite'),
      owned: false,
    })
  })
})
