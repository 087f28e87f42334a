import type { Metadata } from "next";
import { modelPageTitle } from "../../page-title";
import { requirePageSession, validPageIds } from "@/lib/dal";
import { loadModelContext } from "@/lib/data/model-context";
import { orNoAccess } from "@/lib/data/no-access";
import { getExportDetail, getExportTasks, getModelActivity } from "@/lib/data/queries";
import { getRuns } from "@/lib/data/runs";
import { apiPaths, pagePaths } from "@/lib/shared/api-paths";
import { estimateExportBytes } from "@/lib/shared/export-size";
import { formatLabel } from "@/lib/shared/format";
import { exportHistoryKey, HISTORY_RUNS } from "@/lib/shared/runs-view";
import { ModelBusyBanner } from "@/app/ui/activity/model-busy-banner";
import { DownloadPanel } from "@/app/ui/exports/download-panel";
import { ExportMetadataPanel } from "@/app/ui/exports/export-metadata-panel";
import { RunExportForm } from "@/app/ui/exports/run-export-form";
import { RunHistory } from "@/app/ui/exports/run-history";
import { PageShell } from "@/app/ui/page-shell";
import { runBlockedReason, within } from "@/app/ui/server/page-data";
import { NoAccess } from "@/app/ui/states";
import { SwrProvider } from "@/app/ui/swr-provider";
import { ExportTasksPanel } from "@/app/ui/tasks/export-tasks-panel";

export function generateMetadata({
  params,
}: PageProps<"/w/[workspaceId]/m/[modelId]/exports/[exportId]">): Promise<Metadata> {
  return modelPageTitle(params);
}

export default async function ExportPage({ params }: PageProps<"/w/[workspaceId]/m/[modelId]/exports/[exportId]">) {
  const { workspaceId: w, modelId: m, exportId: e } = await validPageIds(params);
  const session = await requirePageSession(pagePaths.export(w, m, e));
  const { api, userKey } = session;
  const [detail, tasks, context, activity, history] = await Promise.all([
    orNoAccess(getExportDetail(api, w, m, e, userKey)),
    orNoAccess(getExportTasks(session, w, m, e)),
    loadModelContext(api, userKey, w, m),
    within(getModelActivity(session, w, m), 1_500),
    within(getRuns(session, w, m, { exportId: e, limit: HISTORY_RUNS }), 1_500),
  ]);
  if (!detail || !tasks)
    return (
      <PageShell>
        <NoAccess what={context ? "export" : "model"} />
      </PageShell>
    );
  const meta = detail.exportMetadata;
  const format = meta.exportFormat ?? detail.export.exportFormat ?? "";
  const fallback = {
    [apiPaths.exportTasks(w, m, e)]: tasks,
    ...(activity ? { [apiPaths.activity(w, m)]: activity } : {}),
    ...(history ? { [exportHistoryKey(w, m, e)]: history } : {}),
  };

  return (
    <PageShell
      title={detail.export.name}
      subtitle={
        <span className="font-mono text-xs">
          {formatLabel(format)} · {e}
        </span>
      }
    >
      <SwrProvider fallback={fallback}>
        <div className="space-y-6">
          <section
            aria-label="Run"
            className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
          >
            <ModelBusyBanner workspaceId={w} modelId={m} exportId={e} live />
            <RunExportForm
              workspaceId={w}
              modelId={m}
              exportId={e}
              exportName={detail.export.name}
              disabledReason={runBlockedReason(context?.model)}
            />
          </section>
          <ExportTasksPanel workspaceId={w} modelId={m} exportId={e} exportName={detail.export.name} />
          <RunHistory workspaceId={w} modelId={m} exportId={e} exportName={detail.export.name} />
          <DownloadPanel
            workspaceId={w}
            modelId={m}
            exportId={e}
            userEmail={session.info.user.email}
            estimateBytes={estimateExportBytes(meta)}
            format={{
              previewable: /^text\//.test(format),
              encoding: meta.encoding ?? detail.export.encoding,
              separator: meta.separator,
              quote: meta.delimiter ?? '"',
            }}
          />
          <ExportMetadataPanel meta={meta} definition={detail.export} />
        </div>
      </SwrProvider>
    </PageShell>
  );
}
