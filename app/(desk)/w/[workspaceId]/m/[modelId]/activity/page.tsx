import type { Metadata } from "next";
import { modelPageTitle } from "../page-title";
import { Suspense } from "react";
import { requirePageSession, validPageIds } from "@/lib/dal";
import { orNoAccess } from "@/lib/data/no-access";
import { getModelActivity } from "@/lib/data/queries";
import { apiPaths, pagePaths } from "@/lib/shared/api-paths";
import { ActivityPanel } from "@/app/ui/activity/activity-panel";
import { PageShell } from "@/app/ui/page-shell";
import { NoAccess, TableSkeleton } from "@/app/ui/states";
import { SwrProvider } from "@/app/ui/swr-provider";

export function generateMetadata({ params }: PageProps<"/w/[workspaceId]/m/[modelId]/activity">): Promise<Metadata> {
  return modelPageTitle(params, "Activity");
}

export default async function ActivityPage({ params }: PageProps<"/w/[workspaceId]/m/[modelId]/activity">) {
  const { workspaceId, modelId } = await validPageIds(params);
  const session = await requirePageSession(pagePaths.activity(workspaceId, modelId));
  const activity = await orNoAccess(getModelActivity(session, workspaceId, modelId));
  if (!activity)
    return (
      <PageShell>
        <NoAccess />
      </PageShell>
    );

  return (
    <PageShell
      title="Model activity"
      subtitle="Recent export tasks across this model, by everyone on the team. Updates live."
    >
      <SwrProvider fallback={{ [apiPaths.activity(workspaceId, modelId)]: activity }}>
        <Suspense fallback={<TableSkeleton rows={8} label="Loading activity" />}>
          <ActivityPanel workspaceId={workspaceId} modelId={modelId} />
        </Suspense>
      </SwrProvider>
    </PageShell>
  );
}
