import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // @kubernetes/client-node pulls in node-only transports (ws, undici, fs-based kubeconfig loading); bundling it for
  // the server breaks those dynamic requires, so Next must load it from node_modules at run time.
  serverExternalPackages: ['@kubernetes/client-node'],
}

export default nextConfig
