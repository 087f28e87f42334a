import type { Metadata } from "next";
import { modelPageTitle } from "./page-title";
import { Suspense } from "react";
import { requirePageSession, validPageIds } from "@/lib/dal";
import { loadModelContext } from "@/lib/data/model-context";
import { orNoAccess } from "@/lib/data/no-access";
import { getCatalogue, getModelActivity } from "@/lib/data/queries";
import { apiPaths, pagePaths } from "@/lib/shared/api-paths";
import { CatalogueTable } from "@/app/ui/catalogue/catalogue-table";
import { PageShell } from "@/app/ui/page-shell";
import { runBlockedReason, within } from "@/app/ui/server/page-data";
import { NoAccess, Notice, TableSkeleton } from "@/app/ui/states";
import { SwrProvider } from "@/app/ui/swr-provider";

export function generateMetadata({ params }: PageProps<"/w/[workspaceId]/m/[modelId]">): Promise<Metadata> {
  return modelPageTitle(params);
}

export default async function CataloguePage({ params, searchParams }: PageProps<"/w/[workspaceId]/m/[modelId]">) {
  const { workspaceId, modelId } = await validPageIds(params);
  const query = new URLSearchParams(
    Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
  );
  const session = await requirePageSession(`${pagePaths.model(workspaceId, modelId)}${query.size ? `?${query}` : ""}`);
  const { api, userKey } = session;
  const [context, catalogue, activity] = await Promise.all([
    loadModelContext(api, userKey, workspaceId, modelId),
    orNoAccess(getCatalogue(api, workspaceId, modelId)),
    within(getModelActivity(session, workspaceId, modelId), 1_500),
  ]);
  if (!catalogue)
    return (
      <PageShell>
        <NoAccess />
      </PageShell>
    );
  const blocked = runBlockedReason(context?.model);

  return (
    <PageShell
      title={context?.model.name ?? "Exports"}
      subtitle={
        `${catalogue.exports.length.toLocaleString("en-US")} exports in ${context?.workspace.name ?? "this workspace"}. ` +
        "Open one to run it, watch it and download the result."
      }
    >
      {blocked ? <Notice>{blocked}</Notice> : null}
      <SwrProvider
        fallback={{
          [apiPaths.exports(workspaceId, modelId)]: catalogue,
          ...(activity ? { [apiPaths.activity(workspaceId, modelId)]: activity } : {}),
        }}
      >
        <Suspense fallback={<TableSkeleton rows={12} label="Loading exports" />}>
          <CatalogueTable workspaceId={workspaceId} modelId={modelId} />
        </Suspense>
      </SwrProvider>
    </PageShell>
  );
}
