import type { Metadata } from "next";
import { modelPageTitle } from "../page-title";
import { requirePageSession, validPageIds } from "@/lib/dal";
import { getRuns, readRunsQuery } from "@/lib/data/runs";
import { apiPaths, pagePaths } from "@/lib/shared/api-paths";
import { readRunsSearch, runsSearch } from "@/lib/shared/runs-view";
import { PageShell } from "@/app/ui/page-shell";
import { QueryProblem } from "@/app/ui/runs/query-problem";
import { RunsPanel } from "@/app/ui/runs/runs-panel";
import { toSearchParams } from "@/app/ui/server/page-data";
import { NoAccess } from "@/app/ui/states";
import { SwrProvider } from "@/app/ui/swr-provider";

export function generateMetadata({ params }: PageProps<"/w/[workspaceId]/m/[modelId]/runs">): Promise<Metadata> {
  return modelPageTitle(params, "Runs");
}

const SUBTITLE = "Every export run of this model: who started it, how it ended and who downloaded the result.";

export default async function RunsPage({ params, searchParams }: PageProps<"/w/[workspaceId]/m/[modelId]/runs">) {
  const { workspaceId: w, modelId: m } = await validPageIds(params);
  const search = toSearchParams(await searchParams);
  const session = await requirePageSession(pagePaths.runs(w, m, search.toString()));
  const parsed = readRunsQuery(search);
  if ("error" in parsed) {
    return (
      <PageShell title="Runs" subtitle={SUBTITLE}>
        <QueryProblem message={parsed.error} clearHref={pagePaths.runs(w, m)} />
      </PageShell>
    );
  }
  const runs = await getRuns(session, w, m, parsed.query);
  if (!runs)
    return (
      <PageShell>
        <NoAccess />
      </PageShell>
    );
  const { filters, page } = readRunsSearch(search);

  return (
    <PageShell title="Runs" subtitle={SUBTITLE}>
      <SwrProvider fallback={{ [apiPaths.runs(w, m, runsSearch(filters, page))]: runs }}>
        <RunsPanel workspaceId={w} modelId={m} filters={filters} page={page} />
      </SwrProvider>
    </PageShell>
  );
}
