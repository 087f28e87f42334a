import { route } from "@/lib/bff/handler";
import { conditionalJson } from "@/lib/bff/etag";
import { cachedExports, catalogueBody } from "@/lib/data/catalogue-cache";
import { rememberExportCount } from "@/lib/data/export-counts";

export const dynamic = "force-dynamic";

// the export catalogue: the whole list for the page's filter, kept by the browser and revalidated by ETag
export const GET = route({ ids: ["workspaceId", "modelId"] }, async ({ api, ids, userKey, tenantId, request }) => {
  const exports = await cachedExports(api, userKey, ids.workspaceId, ids.modelId);
  rememberExportCount(tenantId, ids.workspaceId, ids.modelId, exports.length);
  return conditionalJson(request, catalogueBody(exports));
});
