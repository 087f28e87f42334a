import "server-only";
import { randomUUID } from "node:crypto";
import { LIVE_EVENT_KINDS, type LiveEvent } from "@/lib/shared/live-events";
import type { LedgerScope } from "./types";

/** A ledger event with the scope it belongs to: delivered only to subscribers of that tenant, workspace and model. */
export type LedgerEvent = LedgerScope &
  Omit<LiveEvent, "byYou"> & {
    /** Who did it (the session's user id), so a stream can tell its reader "you did this"; never sent to pages. */
    actorUserId: string | null;
  };

/** How events reach other instances (PostgreSQL NOTIFY/LISTEN); absent on one process (the embedded database). */
export interface BusTransport {
  send(payload: string): Promise<void>;
  /** Starts listening; every payload any instance sent (this one's included) comes back through onPayload. */
  listen(onPayload: (payload: string) => void): { ready: Promise<void>; close(): Promise<void> };
}

export interface EventBus {
  /** Never throws and never waits: delivered in this process at once, sent to other instances in the background. */
  publish(event: LedgerEvent): void;
  subscribe(scope: LedgerScope, listener: (event: LedgerEvent) => void): () => void;
  /** Every event of every scope, including other instances' (cache hooks). */
  subscribeAll(listener: (event: LedgerEvent, fromOtherInstance: boolean) => void): () => void;
  /** Resolves once the transport listens (at once without one). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL's NOTIFY payload limit is 8000 bytes; names are cut well below it. */
const MAX_NAME = 300;
const MAX_ACTOR = 120;
export const MAX_PAYLOAD_BYTES = 4_000;

export function scopeKey(scope: LedgerScope): string {
  return `${scope.tenantId}|${scope.workspaceId.toLowerCase()}|${scope.modelId.toLowerCase()}`;
}

/**
 * The ledger's events for open pages. Subscribers are kept per scope, so an event can only reach readers of its
 * own tenant, workspace and model. With a transport, each instance also hears the others' events (its own come
 * back too and are dropped by origin).
 */
export function createEventBus(
  options: { transport?: BusTransport; onSendFailed?: (error: unknown) => void } = {},
): EventBus {
  const origin = randomUUID();
  const byScope = new Map<string, Set<(event: LedgerEvent) => void>>();
  const everywhere = new Set<(event: LedgerEvent, fromOtherInstance: boolean) => void>();

  function deliver(event: LedgerEvent, fromOtherInstance: boolean): void {
    for (const listener of [...everywhere]) safely(() => listener(event, fromOtherInstance));
    for (const listener of [...(byScope.get(scopeKey(event)) ?? [])]) safely(() => listener(event));
  }

  const listening = options.transport?.listen((payload) => {
    const decoded = decode(payload);
    if (decoded && decoded.origin !== origin) deliver(decoded.event, true);
  });

  return {
    publish(event) {
      const bounded = bound(event);
      queueMicrotask(() => deliver(bounded, false));
      options.transport?.send(JSON.stringify({ origin, event: bounded })).catch((error: unknown) => {
        options.onSendFailed?.(error);
      });
    },
    subscribe(scope, listener) {
      const key = scopeKey(scope);
      const set = byScope.get(key) ?? new Set();
      set.add(listener);
      byScope.set(key, set);
      return () => {
        set.delete(listener);
        if (set.size === 0 && byScope.get(key) === set) byScope.delete(key);
      };
    },
    subscribeAll(listener) {
      everywhere.add(listener);
      return () => everywhere.delete(listener);
    },
    ready: listening?.ready ?? Promise.resolve(),
    close: async () => {
      byScope.clear();
      everywhere.clear();
      await listening?.close();
    },
  };
}

function safely(work: () => void): void {
  try {
    work();
  } catch {
    // One subscriber's failure (a closed stream) must not keep the event from the others.
  }
}

function bound(event: LedgerEvent): LedgerEvent {
  return {
    tenantId: event.tenantId,
    workspaceId: event.workspaceId,
    modelId: event.modelId,
    exportId: event.exportId,
    exportName: event.exportName.slice(0, MAX_NAME),
    taskId: event.taskId,
    kind: event.kind,
    state: event.state,
    actor: event.actor === null ? null : event.actor.slice(0, MAX_ACTOR),
    actorUserId: event.actorUserId,
    at: event.at,
  };
}

const str = (v: unknown, max = 200): v is string => typeof v === "string" && v.length <= max;
const strOrNull = (v: unknown, max = 200) => v === null || str(v, max);

/** Another instance's payload, checked field by field (a foreign NOTIFY on the channel is dropped). */
function decode(payload: string): { origin: string; event: LedgerEvent } | null {
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) return null;
  let parsed: { origin?: unknown; event?: Record<string, unknown> };
  try {
    parsed = JSON.parse(payload) as typeof parsed;
  } catch {
    return null;
  }
  const e = parsed.event;
  if (!str(parsed.origin) || !e || typeof e !== "object") return null;
  const valid =
    str(e.tenantId) &&
    str(e.workspaceId) &&
    str(e.modelId) &&
    str(e.exportId) &&
    str(e.exportName, MAX_NAME) &&
    strOrNull(e.taskId) &&
    (LIVE_EVENT_KINDS as readonly unknown[]).includes(e.kind) &&
    strOrNull(e.state) &&
    strOrNull(e.actor, MAX_ACTOR) &&
    strOrNull(e.actorUserId) &&
    typeof e.at === "number";
  return valid ? { origin: parsed.origin, event: bound(e as unknown as LedgerEvent) } : null;
}
