import { route } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { getModelActivity } from "@/lib/data/queries";

export const dynamic = "force-dynamic";

// live activity: recent tasks across the model's exports, plus the model status
export const GET = route({ ids: ["workspaceId", "modelId"] }, async ({ api, ids, userKey, backgroundApi }) =>
  jsonOk(await getModelActivity(api, userKey, ids.workspaceId, ids.modelId, backgroundApi())),
);
