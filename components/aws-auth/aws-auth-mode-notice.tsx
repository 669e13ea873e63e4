import { Alert } from '@/components/ui/alert'
import type { AwsAuthViewDto } from '@/lib/aws-auth/aws-auth-dto'

/** What the cluster's authentication mode does with aws-auth (EKS reads it in CONFIG_MAP and API_AND_CONFIG_MAP). */
export function AwsAuthModeNotice({ view }: { view: AwsAuthViewDto }) {
  const { authenticationMode, autoMode } = view.cluster
  if (authenticationMode === 'API') {
    return (
      <Alert variant="info" title="EKS ignores aws-auth on this cluster">
        The authentication mode is API: only access entries grant access
        {autoMode ? ' (Auto Mode requires them)' : ''}. Anything below has no effect; the ConfigMap is optional and can
        be deleted.
      </Alert>
    )
  }
  if (authenticationMode === 'API_AND_CONFIG_MAP') {
    return (
      <Alert variant="info" title="aws-auth and access entries both apply">
        The authentication mode is API_AND_CONFIG_MAP. When a principal has an access entry too, the entry wins: its
        rows here are marked shadowed.
      </Alert>
    )
  }
  return null
}
