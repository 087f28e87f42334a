import type { NextRequest } from "next/server";
import { signInBasic, signOut } from "@/lib/bff/auth-routes";
import { bff } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { toSessionInfo } from "@/lib/session";
import { withRequestLog } from "@/lib/server/request-log";

export const dynamic = "force-dynamic";

// sign in (basic)
export const POST = withRequestLog(async function POST(request: NextRequest) {
  return signInBasic(request);
});

// read the session: user, auth method, end of session — never the token
export const GET = withRequestLog(async function GET(request: NextRequest) {
  return bff(request, {}, async ({ session }) => jsonOk(toSessionInfo(session)));
});

// sign out
export const DELETE = withRequestLog(async function DELETE(request: NextRequest) {
  return signOut(request);
});
