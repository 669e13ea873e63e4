// Runs the real launcher (scripts/start.ts) or the production server (`npm run serve`) as a child process for the first-run specs: its output,
// its exit, and whether anything answers on an address.
import { spawn, type ChildProcess } from 'node:child_process'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'

export interface LaunchedProcess {
  child: ChildProcess
  /** Everything written to stdout and stderr so far. */
  output(): string
  /** Resolves with the first match of `pattern` in the output; rejects when the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>
  /** Resolves with the exit code. */
  exited: Promise<number | null>
  stop(): Promise<void>
}

/** Starts `node <args>` in the worktree with exactly `env` added to a clean PATH/HOME environment. */
export function launch(args: string[], env: Record<string, string>): LaunchedProcess {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', HOME: env.HOME ?? '/nonexistent', ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let text = ''
  const listeners = new Set<() => void>()
  const append = (chunk: Buffer) => {
    text += chunk.toString('utf8')
    for (const listener of listeners) listener()
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return {
    child,
    output: () => text,
    exited,
    waitFor: (pattern, timeoutMs = 120_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = text.match(pattern)
          if (match) done(() => resolve(match))
        }
        const timer = setTimeout(() => done(() => reject(new Error(`no ${pattern} in:\n${text}`))), timeoutMs)
        const done = (finish: () => void) => {
          clearTimeout(timer)
          listeners.delete(check)
          finish()
        }
        void exited.then((code) => done(() => reject(new Error(`exited ${code} before ${pattern}:\n${text}`))))
        listeners.add(check)
        check()
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      // A server that does not end on SIGTERM within 10 s is killed: the suite must not hang on it.
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(kill)
    },
  }
}

/** `connected`, or the error code (ECONNREFUSED when nothing listens on that address and port). */
export function connectOutcome(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 5_000 })
    socket.once('connect', () => {
      socket.destroy()
      resolve('connected')
    })
    socket.once('timeout', () => {
      socket.destroy()
      resolve('timeout')
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
  })
}

/** This machine's own addresses that are not loopback (IPv4, and IPv6 that need no scope id). */
export function nonLoopbackAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && (a.family === 'IPv4' || a.scopeid === 0))
    .map((a) => a!.address)
}
