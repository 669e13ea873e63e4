import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // @kubernetes/client-node pulls in node-only transports (ws, undici, fs-based kubeconfig loading); bundling it for
  // the server breaks those dynamic requires, so Next must load it from node_modules at run time.
  serverExternalPackages: ['@kubernetes/client-node'],
  // `next build` checks only the console's own code; the sandbox, scripts and tests are separate programs that
  // `npm run typecheck` covers, and the console never imports them.
  typescript: { tsconfigPath: 'tsconfig.next.json' },
}

export default nextConfig
