import type { NextRequest } from "next/server";
import { oauthCallback } from "@/lib/bff/auth-routes";
import { withRequestLog } from "@/lib/server/request-log";

export const dynamic = "force-dynamic";

export const GET = withRequestLog(async function GET(request: NextRequest) {
  return oauthCallback(request);
});
