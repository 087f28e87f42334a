import { getPageSession, validPageIds } from "@/lib/dal";
import { loadModelContext } from "@/lib/data/model-context";
import { AppHeader } from "@/app/ui/app-header";
import { ModelNav } from "@/app/ui/model-nav";
import { RememberModel } from "@/app/ui/remember-model";
import { LiveModelEvents } from "@/app/ui/live/live-model-events";

/** Header with the user, workspace and model, the model's section tabs, and its live events for every page. */
export default async function ModelLayout({ children, params }: LayoutProps<"/w/[workspaceId]/m/[modelId]">) {
  const { workspaceId, modelId } = await validPageIds(params);
  const session = await getPageSession();
  const context = session
    ? await loadModelContext(session.api, session.userKey, workspaceId, modelId).catch(() => null)
    : null;

  return (
    <>
      <AppHeader
        user={session?.info.user}
        context={
          context
            ? {
                workspace: { id: workspaceId, name: context.workspace.name },
                model: { id: modelId, name: context.model.name },
              }
            : undefined
        }
      />
      <ModelNav workspaceId={workspaceId} modelId={modelId} />
      {context ? (
        <RememberModel
          workspaceId={workspaceId}
          modelId={modelId}
          modelName={context.model.name}
          workspaceName={context.workspace.name}
        />
      ) : null}
      {context ? (
        <LiveModelEvents workspaceId={workspaceId} modelId={modelId}>
          {children}
        </LiveModelEvents>
      ) : (
        children
      )}
    </>
  );
}
