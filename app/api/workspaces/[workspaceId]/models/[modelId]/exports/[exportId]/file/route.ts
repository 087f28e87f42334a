import type { NextRequest } from "next/server";
import { downloadExportFile } from "@/lib/bff/download";
import { bff } from "@/lib/bff/handler";
import { withRequestLog } from "@/lib/server/request-log";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ workspaceId: string; modelId: string; exportId: string }> };

// stream the latest result file as an attachment
export const GET = withRequestLog(async function GET(request: NextRequest, { params }: Params) {
  return bff(
    request,
    { params: await params, ids: ["workspaceId", "modelId", "exportId"], errorContext: "download" },
    downloadExportFile,
  );
});
