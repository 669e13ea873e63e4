import type { Metadata } from 'next'
import { headers } from 'next/headers'
import type { ReactNode } from 'react'

import { themeScript } from '@/components/layout/theme-script'
import { ConfigurationError } from '@/components/layout/configuration-error'
import { AppProviders } from '@/components/providers/app-providers'
import { configurationProblems } from '@/lib/env'

import './globals.css'

export const metadata: Metadata = {
  title: { default: 'EKS Access Console', template: '%s · EKS Access Console' },
  description: 'Who can do what in your Amazon EKS clusters, and how to change it safely.',
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // proxy.ts sets a fresh nonce per request; the CSP runs no inline script without it.
  const nonce = (await headers()).get('x-nonce') ?? undefined
  const problems = configurationProblems()
  return (
    // The theme script adds `dark` to <html> before React hydrates, so the attribute legitimately differs.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen font-sans">
        {problems.length > 0 ? <ConfigurationError problems={problems} /> : <AppProviders>{children}</AppProviders>}
      </body>
    </html>
  )
}
