import { route } from "@/lib/bff/handler";
import { listRuns } from "@/lib/bff/runs";

export const dynamic = "force-dynamic";

// the team ledger: every run of the model, newest first (?export, by, outcome, from, to, cursor, limit)
export const GET = route({ ids: ["workspaceId", "modelId"] }, listRuns);
