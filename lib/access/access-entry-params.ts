// Route params and bodies of the access-entry routes (isomorphic zod; the route files stay parse → call → answer).
import { z } from 'zod'

import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { singleLineText } from '@/lib/validation/text-fields'

// The client encodes an ARN as one path segment (arn%3Aaws%3Aiam…%2Fdev%2Fx) and Next decodes each segment once before
// the route sees it. No second decode: a URL encoded twice arrives with its escapes and is refused, never resolved to
// an entry. ARNs never contain '%' or whitespace.
const pathArn = (what: string) =>
  z
    .string()
    .min(1)
    .max(2048)
    .regex(/^arn:aws[a-z-]*:[a-z0-9-]+:[^%\s]*$/, `Not a ${what} (or it was encoded twice in the URL)`)

export const entryParamsSchema = clusterParamsSchema.extend({ principal: pathArn('principal ARN') })
export const entryPolicyParamsSchema = entryParamsSchema.extend({ policy: pathArn('policy ARN') })
export const updateParamsSchema = clusterParamsSchema.extend({
  updateId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Not an update id'),
})

export const regionQuerySchema = z.object({
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'Not an AWS region code')
    .optional(),
})

export const principalSearchQuerySchema = regionQuerySchema.extend({
  q: singleLineText().max(200, 'Search for at most 200 characters.').default(''),
})

export const authenticationModeRequestSchema = z.object({
  authenticationMode: z.enum(['CONFIG_MAP', 'API_AND_CONFIG_MAP', 'API'], {
    error: 'Choose CONFIG_MAP, API_AND_CONFIG_MAP or API.',
  }),
})
