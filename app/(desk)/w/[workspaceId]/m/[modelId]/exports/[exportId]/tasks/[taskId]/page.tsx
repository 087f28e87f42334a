import type { Metadata } from "next";
import { modelPageTitle } from "../../../../page-title";
import Link from "next/link";
import { requirePageSession, validPageIds } from "@/lib/dal";
import { orNoAccess } from "@/lib/data/no-access";
import { getExportDetail, getTask } from "@/lib/data/queries";
import { getRunFacts } from "@/lib/data/run-facts";
import { apiPaths, pagePaths } from "@/lib/shared/api-paths";
import { runLocaleLabel } from "@/lib/shared/locales";
import { ChevronLeftIcon } from "@/app/ui/icons";
import { PageShell } from "@/app/ui/page-shell";
import { NoAccess } from "@/app/ui/states";
import { SwrProvider } from "@/app/ui/swr-provider";
import { TaskDetail } from "@/app/ui/tasks/task-detail";

export function generateMetadata({
  params,
}: PageProps<"/w/[workspaceId]/m/[modelId]/exports/[exportId]/tasks/[taskId]">): Promise<Metadata> {
  return modelPageTitle(params, "Task");
}

export default async function TaskPage({
  params,
}: PageProps<"/w/[workspaceId]/m/[modelId]/exports/[exportId]/tasks/[taskId]">) {
  const { workspaceId: w, modelId: m, exportId: e, taskId: t } = await validPageIds(params);
  const session = await requirePageSession(pagePaths.task(w, m, e, t));
  const { api, userKey } = session;
  const [detail, task] = await Promise.all([
    orNoAccess(getExportDetail(api, w, m, e, userKey)),
    orNoAccess(getTask(session, w, m, e, t)),
  ]);
  if (!detail)
    return (
      <PageShell>
        <NoAccess what="export" />
      </PageShell>
    );
  const name = detail.export.name;
  if (!task)
    return (
      <PageShell>
        <NoAccess what="task" back={{ href: pagePaths.export(w, m, e), label: `Back to ${name}` }} />
      </PageShell>
    );
  const recorded = await getRunFacts(session, w, m, t);

  return (
    <PageShell
      title={`Task of ${name}`}
      subtitle={
        <Link
          href={pagePaths.export(w, m, e)}
          className={[
            "inline-flex items-center gap-1 rounded text-sky-800 hover:underline",
            "focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-sky-300",
          ].join(" ")}
        >
          <ChevronLeftIcon className="size-4" /> Back to {name}
        </Link>
      }
    >
      <SwrProvider fallback={{ [apiPaths.task(w, m, e, t)]: task }}>
        <TaskDetail
          workspaceId={w}
          modelId={m}
          exportId={e}
          exportName={name}
          taskId={t}
          localeLabel={runLocaleLabel(recorded.locale)}
          recordedFinishedAt={recorded.finishedAt}
        />
      </SwrProvider>
    </PageShell>
  );
}
