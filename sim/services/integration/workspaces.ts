/** GET /workspaces and GET /workspaces/{ws} */
import { apiError } from "../../http/respond";
import { type SeedWorkspace, WORKSPACES } from "../../seed/directory";
import { type Handler, sendList, sendOne, sortStrict } from "./common";

function workspaceBody(w: SeedWorkspace, tenantDetails: boolean) {
  return tenantDetails
    ? { id: w.id, name: w.name, active: w.active, sizeAllowance: w.sizeAllowance, currentSize: w.currentSize }
    : { id: w.id, name: w.name, active: w.active };
}

const tenantDetails = (url: URL) => url.searchParams.get("tenantDetails")?.toLowerCase() === "true";

export const listWorkspaces: Handler = (ctx, user) => {
  const visible = WORKSPACES.filter((w) => user.workspaceIds.includes(w.id));
  const sorted = sortStrict(ctx, visible, { name: (w) => w.name, sizeAllowance: (w) => w.sizeAllowance });
  if (!sorted) return;
  sendList(
    ctx,
    "/objects/workspace",
    "workspaces",
    sorted.map((w) => workspaceBody(w, tenantDetails(ctx.url))),
  );
};

/** Only workspace admins get the workspace; everyone else gets 404 even when it is listed (live behaviour). */
export const getWorkspace: Handler = (ctx, user, params) => {
  const w = WORKSPACES.find((x) => x.id === params.ws);
  if (!w || !user.adminWorkspaceIds.includes(w.id)) return apiError(ctx, 404);
  sendOne(ctx, "/objects/workspace", "workspace", workspaceBody(w, tenantDetails(ctx.url)));
};
