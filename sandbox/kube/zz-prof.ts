import { buildLargeClusterStore } from '@/sandbox/kube/seed/large-cluster'
for (let i = 0; i < 2; i++) {
  const t = performance.now()
  buildLargeClusterStore()
  console.log('ms', Math.round(performance.now() - t))
}
