import { route } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { getCatalogue } from "@/lib/data/queries";

export const dynamic = "force-dynamic";

// the export catalogue
export const GET = route({ ids: ["workspaceId", "modelId"] }, async ({ api, ids }) =>
  jsonOk(await getCatalogue(api, ids.workspaceId, ids.modelId)),
);
