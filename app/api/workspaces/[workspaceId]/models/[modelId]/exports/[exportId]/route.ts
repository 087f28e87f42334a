import type { NextRequest } from "next/server";
import { bff } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { getExportDetail } from "@/lib/data/queries";
import { withRequestLog } from "@/lib/server/request-log";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ workspaceId: string; modelId: string; exportId: string }> };

// export metadata
export const GET = withRequestLog(async function GET(request: NextRequest, { params }: Params) {
  return bff(request, { params: await params, ids: ["workspaceId", "modelId", "exportId"] }, async ({ api, ids, userKey }) =>
    jsonOk(await getExportDetail(api, ids.workspaceId, ids.modelId, ids.exportId, userKey)),
  );
});
