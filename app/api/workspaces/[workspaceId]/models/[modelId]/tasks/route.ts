import type { NextRequest } from "next/server";
import { createAnaplanApi } from "@/lib/anaplan/api";
import { bff } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { getModelActivity } from "@/lib/data/queries";
import { withRequestLog } from "@/lib/server/request-log";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ workspaceId: string; modelId: string }> };

// live activity: recent tasks across the model's exports, plus the model status
export const GET = withRequestLog(async function GET(request: NextRequest, { params }: Params) {
  return bff(request, { params: await params, ids: ["workspaceId", "modelId"] }, async ({ api, ids, userKey, session }) =>
    jsonOk(
      await getModelActivity(api, userKey, ids.workspaceId, ids.modelId, createAnaplanApi({ token: session.token })),
    ),
  );
});
