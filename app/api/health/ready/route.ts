import { readinessResponse } from '@/lib/health/server/health-response'
import { observeRequest } from '@/lib/metrics/server/observe-request'

// GET /api/health/ready — readiness: the configuration is valid and the audit/session store answers (503 if not).
export const dynamic = 'force-dynamic'

export const GET = (req: Request) => observeRequest(req, readinessResponse)
