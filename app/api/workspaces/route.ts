import { route } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { getWorkspaces } from "@/lib/data/queries";

export const dynamic = "force-dynamic";

// the workspaces the user can open
export const GET = route({}, async ({ api }) => jsonOk(await getWorkspaces(api)));
