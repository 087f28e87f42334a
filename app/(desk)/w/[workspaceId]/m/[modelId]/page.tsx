import type { Metadata } from "next";
import { modelPageTitle } from "./page-title";
import { Suspense } from "react";
import { requirePageSession, validPageIds } from "@/lib/dal";
import { loadModelContext } from "@/lib/data/model-context";
import { orNoAccess } from "@/lib/data/no-access";
import { modelActivityForPage } from "@/lib/data/queries";
import { rememberExportCount } from "@/lib/data/export-counts";
import { exportsForPageView } from "@/lib/data/catalogue-cache";
import { catalogueFirstPage } from "@/lib/data/catalogue-page";
import { apiPaths, pagePaths } from "@/lib/shared/api-paths";
import { latestRunTimes, parseCatalogueView } from "@/lib/shared/catalogue-view";
import { latestByExport } from "@/lib/shared/task-list";
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
  const [context, exports, activity] = await Promise.all([
    loadModelContext(api, userKey, workspaceId, modelId),
    orNoAccess(exportsForPageView(api, userKey, workspaceId, modelId)),
    within(modelActivityForPage(session, workspaceId, modelId), 1_500),
  ]);
  if (!exports)
    return (
      <PageShell>
        <NoAccess />
      </PageShell>
    );
  rememberExportCount(session.tenantId, workspaceId, modelId, exports.length);
  const blocked = runBlockedReason(context?.model);
  // Only the page in view is rendered and sent; the whole list reaches the filter through the list endpoint.
  const first = catalogueFirstPage(
    exports,
    parseCatalogueView(query),
    latestRunTimes(latestByExport(activity?.tasks ?? [])),
  );

  return (
    <PageShell
      title={context?.model.name ?? "Exports"}
      subtitle={
        `${first.total.toLocaleString("en-US")} exports in ${context?.workspace.name ?? "this workspace"}. ` +
        "Open one to run it, watch it and download the result."
      }
    >
      {blocked ? <Notice>{blocked}</Notice> : null}
      <SwrProvider fallback={activity ? { [apiPaths.activity(workspaceId, modelId)]: activity } : {}}>
        <Suspense fallback={<TableSkeleton rows={12} label="Loading exports" />}>
          <CatalogueTable workspaceId={workspaceId} modelId={modelId} first={first} runDisabledReason={blocked} />
        </Suspense>
      </SwrProvider>
    </PageShell>
  );
}
