import { OverviewSkeleton } from '@/components/clusters/overview-skeleton'

export default function ClusterOverviewLoading() {
  return <OverviewSkeleton />
}
