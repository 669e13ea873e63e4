import type { Metadata } from 'next'
import { headers } from 'next/headers'
import type { ReactNode } from 'react'

import { ConfigurationError } from '@/components/layout/configuration-error'
import { themeScript } from '@/components/layout/theme-script'
import { AppProviders } from '@/components/providers/app-providers'
import { configurationProblems, env } from '@/lib/env'
import { servedOverHttps } from '@/lib/security/security-headers'

import './globals.css'

const title = 'EKS Access Console'
const description = 'Who can do what in your Amazon EKS clusters, and how to change it safely.'
// public/og-image.png, 1200×630: the size link previews (Open Graph, X/Twitter large cards) expect.
const previewImage = { url: '/og-image.png', width: 1200, height: 630, alt: `${title}: ${description}` }

/**
 * The social preview needs absolute URLs (https://ogp.me/#url). They are resolved against the console's public URL,
 * NEXTAUTH_URL when set, else the host this request came to (so a console behind any name previews itself).
 * https://nextjs.org/docs/app/api-reference/functions/generate-metadata#metadatabase
 */
export async function generateMetadata(): Promise<Metadata> {
  const request = await headers()
  const configured = configurationProblems().length === 0 ? env.nextAuthUrl : undefined
  const proto = servedOverHttps('http:', request.get('x-forwarded-proto')) ? 'https' : 'http'
  const metadataBase = new URL(configured ?? `${proto}://${request.get('host') ?? 'localhost'}`)
  return {
    metadataBase,
    title: { default: title, template: `%s · ${title}` },
    description,
    icons: { icon: { url: '/icon.svg', type: 'image/svg+xml' } },
    openGraph: { type: 'website', siteName: title, title, description, images: [previewImage] },
    twitter: { card: 'summary_large_image', title, description, images: [previewImage] },
  }
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
