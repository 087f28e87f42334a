import { route } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { cancelExport } from "@/lib/bff/tasks";
import { getTask } from "@/lib/data/queries";

export const dynamic = "force-dynamic";

const ids = ["workspaceId", "modelId", "exportId", "taskId"] as const;

// one task
export const GET = route({ ids }, async (ctx) =>
  jsonOk(await getTask(ctx, ctx.ids.workspaceId, ctx.ids.modelId, ctx.ids.exportId, ctx.ids.taskId)),
);

// cancel it
export const DELETE = route({ ids }, cancelExport);
