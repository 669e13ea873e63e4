import { describe, expect, it } from 'vitest'

import {
  buildFilterQuery,
  hasActiveFilters,
  namespaceFiltersSchema,
  nodeFiltersSchema,
  podFiltersSchema,
} from './resource-filters'

describe('hasActiveFilters', () => {
  it.each([
    ['pods, nothing set', podFiltersSchema.parse({}), false],
    ['pods, namespaces', podFiltersSchema.parse({ ns: 'kube-system' }), true],
    ['pods, name', podFiltersSchema.parse({ q: 'web' }), true],
    ['pods, status', podFiltersSchema.parse({ status: 'Failed' }), true],
    ['pods, node', podFiltersSchema.parse({ node: 'ip-10-0-0-1' }), true],
    ['pods, labels', podFiltersSchema.parse({ labels: 'app=web' }), true],
    ['pods, whitespace only', podFiltersSchema.parse({ q: '  ', node: ' ' }), false],
    ['nodes, nothing set', nodeFiltersSchema.parse({}), false],
    ['nodes, unknown status falls back to unset', nodeFiltersSchema.parse({ status: 'Bogus' }), false],
    ['nodes, status', nodeFiltersSchema.parse({ status: 'NotReady' }), true],
    ['nodes, labels', nodeFiltersSchema.parse({ labels: 'eks.amazonaws.com/nodegroup=web' }), true],
    ['namespaces, nothing set', namespaceFiltersSchema.parse({}), false],
    ['namespaces, name', namespaceFiltersSchema.parse({ q: 'shop' }), true],
    ['namespaces, labels', namespaceFiltersSchema.parse({ labels: 'team=shop' }), true],
  ])('%s', (_, filters, expected) => {
    expect(hasActiveFilters(filters)).toBe(expected)
    // Filtered exactly when the filters put something in the URL.
    expect(buildFilterQuery(filters) !== '').toBe(expected)
  })
})
