import type { NextRequest } from "next/server";
import { signInBasic, signOut } from "@/lib/bff/auth-routes";
import { bff } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { toSessionInfo } from "@/lib/session";

export const dynamic = "force-dynamic";

// sign in (basic)
export function POST(request: NextRequest) {
  return signInBasic(request);
}

// read the session: user, auth method, end of session — never the token
export function GET(request: NextRequest) {
  return bff(request, {}, async ({ session }) => jsonOk(toSessionInfo(session)));
}

// sign out
export function DELETE(request: NextRequest) {
  return signOut(request);
}
