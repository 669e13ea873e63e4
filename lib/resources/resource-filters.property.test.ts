// Properties of the resource pages' filters, paging and route params: any query gets an answer, never a throw; parsed
// filters survive the trip through the URL (so every view stays a deep link); quantities parse or are null.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import {
  anyJson,
  expectSafeParseNeverThrows,
  hostileText,
  nearValidBody,
  propertyRuns,
  shortHostileText,
} from '@/tests/support/reliability-arbitraries'

import { parseQuantity } from './quantity'
import {
  buildFilterQuery,
  namespaceFiltersSchema,
  nodeFiltersSchema,
  pagingSchema,
  podFiltersSchema,
  readSearchParams,
} from './resource-filters'
import { eventsQuerySchema, namedParamsSchema, podCountsQuerySchema, podParamsSchema } from './resource-params'

const dnsName = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,12}[a-z0-9])?$/)
const nameList = fc.array(fc.oneof(dnsName, shortHostileText), { maxLength: 120 }).map((a) => a.join(','))
const text = fc.oneof(hostileText, fc.stringMatching(/^[a-z0-9=,!() .-]{0,40}$/))
const query = nearValidBody({
  ns: nameList,
  q: text,
  status: fc.constantFrom('Running', 'Ready', 'Nope', ''),
  node: text,
  labels: fc.oneof(text, fc.constantFrom('app in (a,b)', 'tier!=db,!canary', 'a=b=c', '(((')),
  cursor: hostileText,
  limit: fc.oneof(fc.integer().map(String), hostileText),
  namespaces: nameList,
  nodes: nameList,
  kind: fc.constantFrom('Pod', 'Node', 'Namespace', 'pod'),
  name: fc.oneof(dnsName, hostileText),
  namespace: fc.oneof(dnsName, hostileText),
  region: fc.constantFrom('us-west-2', 'eu-west-1', 'x', ''),
  cluster: fc.oneof(fc.constantFrom('prod-web', 'scale'), hostileText),
})

describe('resource filters and params', () => {
  it.each([
    ['pod filters', podFiltersSchema],
    ['node filters', nodeFiltersSchema],
    ['namespace filters', namespaceFiltersSchema],
    ['paging', pagingSchema],
    ['pod counts', podCountsQuerySchema],
    ['events', eventsQuerySchema],
    ['cluster params', clusterParamsSchema],
    ['named params', namedParamsSchema],
    ['pod params', podParamsSchema],
  ] as const)('%s: every query gets an answer', (_name, schema) => {
    expectSafeParseNeverThrows(schema, fc.oneof(query, anyJson))
  })

  it.each([
    ['pod', podFiltersSchema],
    ['node', nodeFiltersSchema],
    ['namespace', namespaceFiltersSchema],
  ] as const)('parsed %s filters survive the URL', (_name, schema) => {
    fc.assert(
      fc.property(query, (input) => {
        const parsed = schema.safeParse(input)
        if (!parsed.success) return
        const url = new URLSearchParams(buildFilterQuery(parsed.data as Record<string, string | string[]>))
        expect(schema.parse(readSearchParams(url))).toEqual(parsed.data)
      }),
      propertyRuns,
    )
  })

  it('quantities parse to a number or null', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.stringMatching(/^[0-9.e+-]{1,8}(m|Ki|Mi|Gi|Ti|k|M|G|E|Ei)?$/)), (value) => {
        const parsed = parseQuantity(value)
        expect(parsed === null || typeof parsed === 'number').toBe(true)
      }),
      propertyRuns,
    )
  })
})
