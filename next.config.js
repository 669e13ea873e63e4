// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A self-contained server in .next/standalone for the container image (Dockerfile, docs/production-runtime.json).
  output: 'standalone',
  // @kubernetes/client-node pulls in node-only transports (ws, undici, fs-based kubeconfig loading); bundling it for
  // the server breaks those dynamic requires, so Next must load it from node_modules at run time.
  // better-sqlite3 loads a native addon and pg optionally requires pg-native: both must stay plain Node requires.
  serverExternalPackages: ['@kubernetes/client-node', 'better-sqlite3', 'pg'],
  // `next build` checks only the console's own code; the sandbox, scripts and tests are separate programs that
  // `npm run typecheck` covers, and the console never imports them.
  typescript: { tsconfigPath: 'tsconfig.next.json' },
}

module.exports = nextConfig
