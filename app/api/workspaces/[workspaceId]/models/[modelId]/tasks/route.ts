import { route } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { getModelActivity } from "@/lib/data/queries";

export const dynamic = "force-dynamic";

// live activity: recent tasks across the model's exports, plus the model status
export const GET = route({ ids: ["workspaceId", "modelId"] }, async (ctx) =>
  jsonOk(await getModelActivity(ctx, ctx.ids.workspaceId, ctx.ids.modelId, ctx.backgroundApi())),
);
