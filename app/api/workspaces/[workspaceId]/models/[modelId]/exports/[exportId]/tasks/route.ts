import { route } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { startExport, startTaskBody } from "@/lib/bff/tasks";
import { getExportTasks } from "@/lib/data/queries";

export const dynamic = "force-dynamic";

const ids = ["workspaceId", "modelId", "exportId"] as const;

// list the export's tasks
export const GET = route({ ids }, async ({ api, ids, userKey }) =>
  jsonOk(await getExportTasks(api, ids.workspaceId, ids.modelId, ids.exportId, userKey)),
);

// start a task: {localeName?}
export const POST = route({ ids, body: startTaskBody, allowEmptyBody: true, errorContext: "startTask" }, startExport);
