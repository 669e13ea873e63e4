/** The ConfigMap as the API server holds it (managedFields left out), with line numbers for the parse errors. */
export function RawYaml({ yaml }: { yaml: string }) {
  const lines = yaml.replace(/\n$/, '').split('\n')
  return (
    <section aria-labelledby="raw-yaml-heading" className="min-w-0 space-y-2">
      <h3 id="raw-yaml-heading" className="text-sm font-semibold">
        Raw YAML
      </h3>
      <pre
        tabIndex={0}
        aria-label="kube-system/aws-auth as YAML"
        className="max-h-[70vh] overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 py-2 font-mono text-xs leading-relaxed dark:border-zinc-800 dark:bg-zinc-950"
      >
        {lines.map((line, i) => (
          <div key={i} className="flex">
            <span
              aria-hidden="true"
              className="w-10 shrink-0 pr-3 text-right text-zinc-500 select-none dark:text-zinc-400"
            >
              {i + 1}
            </span>
            <span className="pr-3 whitespace-pre">{line}</span>
          </div>
        ))}
      </pre>
    </section>
  )
}
