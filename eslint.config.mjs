import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

// The sandbox is a separate program; the console talks to it only over the wire.
const noSandbox = { group: ['@/sandbox/*', '**/sandbox/*'], message: 'The console never imports the sandbox.' }
// Server-only modules hold credentials and SDK clients; the browser bundle must never pull them in.
const noServerOnly = {
  group: ['@/lib/aws/*', '@/lib/k8s/*', '@/lib/auth/*', '@/lib/audit/*', '@/lib/env'],
  message: 'Server-only module: reach it through an API route.',
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
    files: ['components/**', 'lib/queries/**', 'lib/access/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noSandbox, noServerOnly] }] },
  },
]

export default config
