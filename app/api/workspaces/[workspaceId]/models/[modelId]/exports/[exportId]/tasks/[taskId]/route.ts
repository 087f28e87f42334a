import { route } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { cancelExport } from "@/lib/bff/tasks";
import { getTask } from "@/lib/data/queries";

export const dynamic = "force-dynamic";

const ids = ["workspaceId", "modelId", "exportId", "taskId"] as const;

// one task
export const GET = route({ ids }, async ({ api, ids }) =>
  jsonOk(await getTask(api, ids.workspaceId, ids.modelId, ids.exportId, ids.taskId)),
);

// cancel it
export const DELETE = route({ ids }, cancelExport);
