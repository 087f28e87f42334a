export default function Home() {
  return (
    <main className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">Export Desk</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">Run, watch and download Anaplan exports as a team.</p>
    </main>
  );
}
