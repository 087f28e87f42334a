import { route } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { getModels } from "@/lib/data/queries";

export const dynamic = "force-dynamic";

// the workspace's models
export const GET = route({ ids: ["workspaceId"] }, async ({ api, ids }) =>
  jsonOk(await getModels(api, ids.workspaceId)),
);
