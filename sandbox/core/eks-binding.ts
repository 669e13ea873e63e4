import type { AwsRequest, AwsResponse, ServiceContext } from './aws-types'

type HandleEks = (req: AwsRequest, ctx: ServiceContext) => Promise<AwsResponse>

// TODO(eks): sandbox/eks/handler.ts is written in parallel by the EKS work. Loaded by a computed specifier so the
// sandbox still starts (answering EKS with a 501-ish error) before it lands; switch to a static import afterwards.
const EKS_HANDLER_MODULE = '../eks/handler'

let cached: Promise<HandleEks | undefined> | undefined

/** Resolves `handleEks` from sandbox/eks/handler.ts, or undefined when that module does not exist yet. */
export function loadEksHandler(): Promise<HandleEks | undefined> {
  cached ??= import(/* @vite-ignore */ EKS_HANDLER_MODULE).then(
    (mod: { handleEks?: HandleEks }) => mod.handleEks,
    () => undefined,
  )
  return cached
}
