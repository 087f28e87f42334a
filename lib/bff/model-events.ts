import "server-only";
import { AnaplanError } from "@/lib/anaplan/errors";
import { watchModel } from "@/lib/data/live-events";
import { canOpenModel } from "@/lib/data/model-access";
import type { LedgerEvent } from "@/lib/ledger";
import { sessionEndsAt, type SessionData } from "@/lib/session";
import { SESSION_IDLE_MS } from "@/lib/session/lifetime";
import { LIVE_EVENT_NAME, type LiveEvent } from "@/lib/shared/live-events";
import { eventStream, type EventStreamTiming } from "./event-stream";
import type { BffContext } from "./handler";

/**
 * A stream ends itself after 4 minutes (under Vercel's function limits, and so the browser comes back through the
 * session gate regularly), or sooner when the session or its Anaplan token would end.
 */
const DEFAULT_TIMING: EventStreamTiming = { maxLifetimeMs: 4 * 60_000, heartbeatMs: 20_000, retryMs: 3_000 };
let timing = DEFAULT_TIMING;

type EventsContext = BffContext<"workspaceId" | "modelId", undefined>;

/** GET …/models/{modelId}/events: the model's ledger events for a reader who may open the model. */
export async function streamModelEvents(ctx: EventsContext): Promise<Response> {
  const { workspaceId, modelId } = ctx.ids;
  if (!(await canOpenModel(ctx.api, ctx.userKey, workspaceId, modelId))) {
    throw new AnaplanError("not_found", "The model does not exist, or you have no access to it.", { status: 404 });
  }
  const reader = { api: ctx.backgroundApi(), userKey: ctx.userKey, tenantId: ctx.tenantId };
  const stream = eventStream({
    signal: ctx.request.signal,
    lifetimeMs: Math.min(timing.maxLifetimeMs, sessionLeftMs(ctx.session, Date.now())),
    heartbeatMs: timing.heartbeatMs,
    retryMs: timing.retryMs,
    start: (send) =>
      watchModel(reader, workspaceId, modelId, (event) => send(LIVE_EVENT_NAME, forReader(event, ctx.session))),
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps Next's compression (and proxies) from holding events back; X-Accel-Buffering: nginx's.
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}

/** Until the session, its idle limit or its Anaplan token ends, whichever is first. */
function sessionLeftMs(session: SessionData, now: number): number {
  return Math.min(sessionEndsAt(session), session.lastSeenAt + SESSION_IDLE_MS, session.tokenExpiresAt) - now;
}

function forReader(event: LedgerEvent, session: SessionData): LiveEvent {
  const { exportId, exportName, taskId, kind, state, actor, at } = event;
  const byYou = event.actorUserId !== null && event.actorUserId === session.user.id;
  return { exportId, exportName, taskId, kind, state, actor, at, byYou };
}

/** Tests only: shorter heartbeats and lifetimes. */
export function setEventStreamTimingForTests(overrides: Partial<EventStreamTiming> | null): void {
  timing = overrides ? { ...DEFAULT_TIMING, ...overrides } : DEFAULT_TIMING;
}
