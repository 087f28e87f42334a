import { route } from "@/lib/bff/handler";
import { streamModelEvents } from "@/lib/bff/model-events";

export const dynamic = "force-dynamic";
// The stream ends itself after 4 minutes (lib/bff/model-events.ts); the platform must not cut it first.
export const maxDuration = 300;

// live: the model's ledger events (starts, cancels, state changes, downloads) as server-sent events
export const GET = route({ ids: ["workspaceId", "modelId"] }, streamModelEvents);
