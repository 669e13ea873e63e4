// metav1.LabelSelector matching, for ClusterRole aggregation
// (https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#resources-that-support-set-based-requirements).
import type { LabelSelector } from './rbac-model'

/**
 * Reports whether `labels` satisfy a selector: every matchLabels pair and every matchExpression (In, NotIn, Exists,
 * DoesNotExist) must hold. An empty selector matches everything, as in Kubernetes; an unknown operator matches nothing
 * (the API server would have refused the object).
 */
export function matchesLabelSelector(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false
  for (const expression of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, expression.key)
    const value = labels[expression.key]
    const values = expression.values ?? []
    switch (expression.operator) {
      case 'In':
        if (!has || !values.includes(value ?? '')) return false
        break
      case 'NotIn':
        if (has && values.includes(value ?? '')) return false
        break
      case 'Exists':
        if (!has) return false
        break
      case 'DoesNotExist':
        if (has) return false
        break
      default:
        return false
    }
  }
  return true
}
