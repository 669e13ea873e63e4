import type { AwsAuthProblemDto } from '@/lib/aws-auth/aws-auth-dto'
import { cn } from '@/lib/cn'

/** A row's or section's problems; errors change what the authenticator does, warnings are advice. */
export function ProblemList({ problems }: { problems: AwsAuthProblemDto[] }) {
  if (problems.length === 0) return null
  return (
    <ul className="mt-1 space-y-0.5 text-xs">
      {problems.map((problem, i) => (
        <li
          key={i}
          className={cn(
            problem.severity === 'error' ? 'text-red-700 dark:text-red-400' : 'text-amber-700 dark:text-amber-400',
          )}
        >
          <span className="font-medium">{problem.severity === 'error' ? 'Error' : 'Warning'}:</span> {problem.message}
        </li>
      ))}
    </ul>
  )
}
