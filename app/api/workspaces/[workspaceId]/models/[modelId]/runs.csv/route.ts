import { route } from "@/lib/bff/handler";
import { downloadRunsCsv } from "@/lib/bff/runs";

export const dynamic = "force-dynamic";

// the same runs, filtered the same way, as a CSV attachment
export const GET = route({ ids: ["workspaceId", "modelId"] }, downloadRunsCsv);
