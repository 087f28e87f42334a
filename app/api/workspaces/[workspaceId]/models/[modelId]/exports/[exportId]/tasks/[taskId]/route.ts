import type { NextRequest } from "next/server";
import { bff } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { getTask } from "@/lib/data/queries";
import { cancelExport } from "@/lib/bff/tasks";
import { withRequestLog } from "@/lib/server/request-log";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ workspaceId: string; modelId: string; exportId: string; taskId: string }> };

const IDS = ["workspaceId", "modelId", "exportId", "taskId"] as const;

// one task
export const GET = withRequestLog(async function GET(request: NextRequest, { params }: Params) {
  return bff(request, { params: await params, ids: IDS }, async ({ api, ids }) =>
    jsonOk(await getTask(api, ids.workspaceId, ids.modelId, ids.exportId, ids.taskId)),
  );
});

// cancel it
export const DELETE = withRequestLog(async function DELETE(request: NextRequest, { params }: Params) {
  return bff(request, { params: await params, ids: IDS, csrf: true }, cancelExport);
});
