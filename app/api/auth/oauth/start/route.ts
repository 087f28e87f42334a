import type { NextRequest } from "next/server";
import { oauthStart } from "@/lib/bff/auth-routes";

export const dynamic = "force-dynamic";

export function GET(request: NextRequest) {
  return oauthStart(request);
}
