import { cpSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// The image's runtime, read from the Dockerfile itself: the last stage's `COPY --from=build` lines and its ENV lines.
// Tests copy exactly these files into an empty folder and run the same command there, so the test and the image
// cannot drift apart.

export type RuntimeCopy = { from: string; to: string }
export type DockerRuntime = { copies: RuntimeCopy[]; env: Record<string, string>; workdir: string; cmd: string[] }

/** The runtime stage of `Dockerfile` at `projectDir`: its copies (paths relative to the build stage's WORKDIR). */
export function readDockerRuntime(projectDir: string): DockerRuntime {
  const text = readFileSync(join(projectDir, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ')
  const stages = text.split(/^FROM /m)
  const buildStage = stages.find((stage) => / AS build\b/.test(stage.split('\n')[0] ?? ''))
  const runtime = stages.at(-1) ?? ''
  const buildWorkdir = /^WORKDIR (\S+)/m.exec(buildStage ?? '')?.[1]
  if (!buildWorkdir) throw new Error('Dockerfile: no build stage WORKDIR')
  const copies: RuntimeCopy[] = []
  const env: Record<string, string> = {}
  for (const line of runtime.split('\n')) {
    const copy = /^COPY\s+(.*)$/.exec(line)
    if (copy) {
      const parts = (copy[1] as string).split(/\s+/).filter((p) => !p.startsWith('--chown'))
      if (parts[0] !== '--from=build' || parts.length !== 3) throw new Error(`Dockerfile: unsupported ${line}`)
      const from = (parts[1] as string).replace(new RegExp(`^${buildWorkdir}/?`), '')
      copies.push({ from, to: parts[2] as string })
    }
    const setting = /^ENV\s+([A-Z_]+)=(\S+)$/.exec(line)
    if (setting) env[setting[1] as string] = setting[2] as string
  }
  const workdir = /^WORKDIR (\S+)/m.exec(runtime)?.[1] ?? '/'
  const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(runtime)?.[1] ?? '[]') as string[]
  if (copies.length === 0 || cmd.length === 0) throw new Error('Dockerfile: runtime stage has no COPY or CMD')
  return { copies, env, workdir, cmd }
}

/** Copies what the image's runtime stage copies from a build at `projectDir` into `targetDir` (its WORKDIR). */
export function copyDockerRuntime(projectDir: string, targetDir: string, runtime: DockerRuntime): void {
  for (const { from, to } of runtime.copies) {
    // `COPY dir/ dest/` copies the folder's contents; symlinks (Next's hashed external packages) stay links.
    cpSync(join(projectDir, from), join(targetDir, to), { recursive: true, verbatimSymlinks: true })
  }
}
