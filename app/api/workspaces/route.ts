import type { NextRequest } from "next/server";
import { bff } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { getWorkspaces } from "@/lib/bff/queries";

export const dynamic = "force-dynamic";

export function GET(request: NextRequest) {
  return bff(request, {}, async ({ api }) => jsonOk(await getWorkspaces(api)));
}
