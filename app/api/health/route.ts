import { livenessResponse, readinessResponse } from '@/lib/health/server/health-response'
import { observeRequest } from '@/lib/metrics/server/observe-request'

// GET /api/health — liveness (the process answers); /api/health?ready=1 — readiness, as /api/health/ready.
// No session: the kubelet and load balancers call it, and it reveals nothing but the names of failed checks.
export const dynamic = 'force-dynamic'

export const GET = (req: Request) =>
  observeRequest(req, () =>
    new URL(req.url).searchParams.has('ready') ? readinessResponse() : Promise.resolve(livenessResponse()),
  )
