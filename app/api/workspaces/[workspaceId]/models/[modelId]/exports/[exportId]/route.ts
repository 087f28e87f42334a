import { route } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { getExportDetail } from "@/lib/data/queries";

export const dynamic = "force-dynamic";

// export metadata
export const GET = route({ ids: ["workspaceId", "modelId", "exportId"] }, async ({ api, ids, userKey }) =>
  jsonOk(await getExportDetail(api, ids.workspaceId, ids.modelId, ids.exportId, userKey)),
);
