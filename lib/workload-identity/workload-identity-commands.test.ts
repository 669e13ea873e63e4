import { describe, expect, it } from 'vitest'

import { createPodIdentityCommand, updatePodIdentityCommand } from './workload-identity-commands'

const cluster = { region: 'us-west-2', name: 'prod-web' }
const ROLE = 'arn:aws:iam::111122223333:role/shared-reader'
const update = { associationId: 'a-abc', roleArn: ROLE, targetRoleArn: '', disableSessionTags: true }

describe('the --policy of the Pod Identity commands', () => {
  it('echoes the session policy compacted and shell-quoted on create', () => {
    const command = createPodIdentityCommand(cluster, {
      namespace: 'orders',
      serviceAccount: 'orders-api',
      roleArn: ROLE,
      disableSessionTags: true,
      policy: '{\n  "Statement": {"Effect": "Allow", "Sid": "it\'s"}\n}',
    })
    expect(command).toContain(
      `--disable-session-tags \\\n  --policy '{"Statement":{"Effect":"Allow","Sid":"it'\\''s"}}'`,
    )
  })

  it('leaves --policy out on create without one', () => {
    const command = createPodIdentityCommand(cluster, {
      namespace: 'o',
      serviceAccount: 's',
      roleArn: ROLE,
      policy: ' ',
    })
    expect(command).not.toContain('--policy')
  })

  it.each([
    ['sets the policy', { policy: '{"Statement": {}}', hadPolicy: true }, `--policy '{"Statement":{}}'`],
    ['removes the policy with an empty one', { policy: '', hadPolicy: true }, `--policy ''`],
    ['says nothing of a policy the association never had', { policy: '', hadPolicy: false }, null],
  ])('on update %s', (_name, input, flag) => {
    const command = updatePodIdentityCommand(cluster, { ...update, ...input })
    if (flag) expect(command.endsWith(flag)).toBe(true)
    else expect(command).not.toContain('--policy')
  })
})
