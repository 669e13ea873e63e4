import { redirect } from 'next/navigation'

type Params = Promise<{ region: string; cluster: string }>

// The Resources section opens on Pods, the view people come for first.
export default async function ResourcesPage({ params }: { params: Params }) {
  const { region, cluster } = await params
  redirect(`/clusters/${region}/${cluster}/resources/pods`)
}
