import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

// The sandbox is a separate program; the console talks to it only over the wire.
const noSandbox = { group: ['@/sandbox/*', '**/sandbox/*'], message: 'The console never imports the sandbox.' }
// Server-only modules hold credentials and SDK clients; the browser bundle must never pull them in. Everything in lib/
// is isomorphic unless it sits under a server/ folder, in lib/aws or lib/k8s, or is lib/env.ts.
const serverOnlyModules = ['lib/*/server/**', 'lib/aws/**', 'lib/k8s/**', 'lib/env.ts']
const noServerOnly = {
  group: [
    '@/lib/*/server/*',
    '@/lib/aws/*',
    '@/lib/k8s/*',
    '@/lib/env',
    '**/server/*',
    '**/aws/*',
    '**/k8s/*',
    '**/env',
  ],
  message: 'Server-only module: reach it through an API route.',
}

// Adapters (lib/aws, lib/k8s) speak AWS and Kubernetes and return their own small types; the feature's server code
// maps them to DTOs. So an adapter imports only lib/api (with its server/ timeout), lib/env, lib/validation, the other
// adapters, the cluster reference every call takes (lib/clusters/cluster-schemas) and the metrics registry that times
// every upstream call, never another feature's module.
const adapterImports = {
  regex:
    '^@/lib/(?!(api|validation|aws|k8s)/|env$|env-schema$|clusters/cluster-schemas$|metrics/server/metrics-registry$)',
  message: 'Adapters must not import a feature: return an adapter type and map it in lib/<feature>/server/.',
}

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', '.sandbox/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true },
      ],
    },
  },
  {
    // Playwright fixtures receive a `use` callback that is not React's `use` hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['app/**', 'lib/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noSandbox] }] },
  },
  {
    // Client components and every isomorphic lib module (they are imported by the browser bundle).
    files: ['components/**', 'lib/**'],
    ignores: serverOnlyModules,
    rules: { 'no-restricted-imports': ['error', { patterns: [noSandbox, noServerOnly] }] },
  },
  {
    files: ['lib/aws/**', 'lib/k8s/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noSandbox, adapterImports] }] },
  },
]

export default config
