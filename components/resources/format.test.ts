import { describe, expect, it } from 'vitest'

import { shortNodeName } from './format'

describe('shortNodeName', () => {
  it.each([
    ['ip-10-0-32-7.us-west-2.compute.internal', 'ip-10-0-32-7'],
    ['ip-192-168-1-5.ec2.internal', 'ip-192-168-1-5'],
    ['i-0123456789abcdef0.us-gov-west-1.compute.internal', 'i-0123456789abcdef0'],
    ['ip-10-0-1-1.ap-southeast-1.compute.internal', 'ip-10-0-1-1'],
    ['fargate-ip-10-0-5-9.eu-west-1.compute.internal', 'fargate-ip-10-0-5-9'],
    ['i-0abc.us-west-2.compute.internal.example', 'i-0abc.us-west-2.compute.internal.example'],
    ['kind-worker', 'kind-worker'],
  ])('%s → %s', (name, short) => expect(shortNodeName(name)).toBe(short))
})
