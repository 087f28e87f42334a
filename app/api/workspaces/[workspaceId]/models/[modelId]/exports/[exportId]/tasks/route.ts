import { route } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { startExport, startTaskBody } from "@/lib/bff/tasks";
import { getExportTasks } from "@/lib/data/queries";

export const dynamic = "force-dynamic";

const ids = ["workspaceId", "modelId", "exportId"] as const;

// list the export's tasks
export const GET = route({ ids }, async (ctx) =>
  jsonOk(await getExportTasks(ctx, ctx.ids.workspaceId, ctx.ids.modelId, ctx.ids.exportId)),
);

// start a task: {localeName?}
export const POST = route({ ids, body: startTaskBody, allowEmptyBody: true, errorContext: "startTask" }, startExport);
