import type { NextRequest } from "next/server";
import { bff } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { getWorkspaces } from "@/lib/data/queries";
import { withRequestLog } from "@/lib/server/request-log";

export const dynamic = "force-dynamic";

export const GET = withRequestLog(async function GET(request: NextRequest) {
  return bff(request, {}, async ({ api }) => jsonOk(await getWorkspaces(api)));
});
