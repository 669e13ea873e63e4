// Where each finding is fixed in the console: the access entry's policies dialog (opened from the URL, prefilled),
// the aws-auth editor, the RBAC pages, and the service account's workload-identity page.
import { buildPoliciesDialogSearch } from '@/lib/access/grant-prefill'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { RbacBinding, RbacSubject } from '@/lib/effective-access/rbac-model'
import { clusterPagePath } from '@/lib/queries/api-paths'
import { bindingPath, rbacPaths } from '@/lib/rbac/rbac-paths'

type Fix = { label: string; href: string }
const seg = encodeURIComponent

/** The access page with the entry's policies dialog open, prefilled with one association (or empty). */
export function entryPoliciesFix(
  cluster: ClusterRef,
  principalArn: string,
  policy?: { policyArn: string; accessScope: { type: 'cluster' | 'namespace'; namespaces: readonly string[] } },
): Fix {
  return {
    label: policy ? 'Change this policy in the entry’s policies' : 'Open the entry’s access policies',
    href: `${clusterPagePath(cluster, 'access')}${buildPoliciesDialogSearch({ principalArn, ...policy })}`,
  }
}

/** The aws-auth editor. */
export function awsAuthFix(cluster: ClusterRef): Fix {
  return { label: 'Edit aws-auth', href: clusterPagePath(cluster, 'aws-auth') }
}

/** The binding's RBAC page, where it can be deleted. */
export function bindingFix(cluster: ClusterRef, binding: Pick<RbacBinding, 'kind' | 'name' | 'namespace'>): Fix {
  return {
    label: `Review ${binding.kind} ${binding.name}`,
    href: bindingPath(cluster, { ...binding, namespace: binding.namespace ?? null }),
  }
}

/** The subject's RBAC page: every binding that names it. */
export function subjectFix(cluster: ClusterRef, subject: RbacSubject): Fix {
  const namespace = subject.kind === 'ServiceAccount' ? subject.namespace : null
  return {
    label: `Review the bindings of ${subject.name}`,
    href: rbacPaths.subject(cluster, subject.kind, subject.name, namespace),
  }
}

/** The create-binding form, prefilled with the group as subject. */
export function bindGroupFix(cluster: ClusterRef, group: string): Fix {
  return {
    label: `Bind group ${group} to a role`,
    href: rbacPaths.newBinding(cluster, { subjectKind: 'Group', subjectName: group }),
  }
}

/** The service account's page, which is the workload-identity detail view with its checks and fixes. */
export function workloadIdentityFix(cluster: ClusterRef, namespace: string, serviceAccount: string): Fix {
  return {
    label: 'Open the workload identity checks',
    href: clusterPagePath(cluster, `resources/service-accounts/${seg(namespace)}/${seg(serviceAccount)}`),
  }
}
