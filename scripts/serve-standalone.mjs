#!/usr/bin/env node
// Serves the production build without the development dependencies, as the container image does:
//   npm run build && npm run serve        (npm start runs it too, beside the sandbox)
// Next's standalone output (.next/standalone) holds server.js and the node_modules it traces, but not the static
// assets, which Next leaves to be copied beside it
// (https://nextjs.org/docs/app/api-reference/config/next-config-js/output#automatically-copying-traced-files).
// The copies are read from the Dockerfile's runtime stage, so this script, the image and its test agree.
// Plain Node (no tsx): a production host has no dev dependencies. The environment is passed through as it is:
// set CONSOLE_AUTH, NEXTAUTH_SECRET, NEXTAUTH_URL and the rest (README "Configuration reference").
import { spawn } from 'node:child_process'
import { cpSync, existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const standalone = join(root, '.next', 'standalone')
if (!existsSync(join(standalone, 'server.js'))) {
  console.error('No .next/standalone/server.js: run `npm run build` first.')
  process.exit(1)
}

const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8')
const runtimeStage = dockerfile.split(/^FROM /m).at(-1) ?? ''
const buildWorkdir = /^WORKDIR (\S+)/m.exec(dockerfile.split(/^FROM /m).find((s) => / AS build\b/.test(s)) ?? '')?.[1]
for (const match of runtimeStage.matchAll(/^COPY --from=build (?:--chown=\S+ )?(\S+) (\S+)$/gm)) {
  const from = join(root, match[1].replace(new RegExp(`^${buildWorkdir}/?`), ''))
  if (resolve(from) === standalone) continue
  cpSync(from, join(standalone, match[2]), { recursive: true })
}

const port = process.env.PORT ?? '3000'
// Node flags given to this script (e.g. --cpu-prof) go to the server, where the console's time is spent.
const child = spawn(process.execPath, [...process.execArgv, 'server.js'], {
  cwd: standalone,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production', PORT: port, HOSTNAME: process.env.HOST ?? '127.0.0.1' },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
