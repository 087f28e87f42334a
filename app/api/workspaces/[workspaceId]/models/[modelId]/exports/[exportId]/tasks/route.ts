import type { NextRequest } from "next/server";
import { bff } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { getExportTasks } from "@/lib/data/queries";
import { startExport, startTaskBody } from "@/lib/bff/tasks";
import { withRequestLog } from "@/lib/server/request-log";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ workspaceId: string; modelId: string; exportId: string }> };

const IDS = ["workspaceId", "modelId", "exportId"] as const;

// list the export's tasks
export const GET = withRequestLog(async function GET(request: NextRequest, { params }: Params) {
  return bff(request, { params: await params, ids: IDS }, async ({ api, ids, userKey }) =>
    jsonOk(await getExportTasks(api, ids.workspaceId, ids.modelId, ids.exportId, userKey)),
  );
});

// start a task: {localeName?}
export const POST = withRequestLog(async function POST(request: NextRequest, { params }: Params) {
  return bff(
    request,
    { params: await params, ids: IDS, csrf: true, body: startTaskBody, allowEmptyBody: true, errorContext: "startTask" },
    startExport,
  );
});
