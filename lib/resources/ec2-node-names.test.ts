import { describe, expect, it } from 'vitest'

import { completeNodeName, shortNodeName } from './ec2-node-names'

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

describe('completeNodeName', () => {
  it.each([
    ['ip-10-0-32-7', 'us-west-2', 'ip-10-0-32-7.us-west-2.compute.internal'],
    ['ip-10-0-32-7', 'us-east-1', 'ip-10-0-32-7.ec2.internal'],
    ['i-0123456789abcdef0', 'eu-west-1', 'i-0123456789abcdef0.eu-west-1.compute.internal'],
    ['ip-10-0-32-7.us-west-2.compute.internal', 'us-west-2', 'ip-10-0-32-7.us-west-2.compute.internal'],
    ['fargate-ip-10-0-5-9', 'us-west-2', 'fargate-ip-10-0-5-9'],
    ['worker-1', 'us-west-2', 'worker-1'],
  ])('%s in %s → %s', (node, region, full) => expect(completeNodeName(node, region)).toBe(full))
})
