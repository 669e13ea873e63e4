import { z } from 'zod'

/** The sandbox sign-in form's fields (NextAuth's credentials provider checks the password itself). */
export const signInSchema = z.object({
  username: z.string().trim().min(1, 'Enter your username'),
  password: z.string().min(1, 'Enter your password'),
})
export type SignInValues = z.infer<typeof signInSchema>
