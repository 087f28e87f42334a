import { apiPaths } from "./api-paths";

/**
 * What the model's event stream (GET …/models/{modelId}/events) tells an open page: a run started, a cancel asked
 * for, a state the ledger saw change, a download. Small on purpose: pages refresh what they show from their own
 * SWR keys, and the event only says which ones.
 */
export const LIVE_EVENT_KINDS = ["started", "cancel-requested", "state", "download"] as const;
export type LiveEventKind = (typeof LIVE_EVENT_KINDS)[number];

export interface LiveEvent {
  exportId: string;
  /** "" when not known yet. */
  exportName: string;
  taskId: string | null;
  kind: LiveEventKind;
  /** The task state (or the ledger's outcome) when known. */
  state: string | null;
  /** Who did it, by display name; null for a run started outside Export Desk. */
  actor: string | null;
  /** When, ms since the epoch. */
  at: number;
  /** Set by the stream for each reader: the reader did it themselves (no notice for that). */
  byYou?: boolean;
}

/** The SSE event name of ledger events on the stream (its last message, before the server ends it, is `end`). */
export const LIVE_EVENT_NAME = "ledger";

/** The notice for a run that appeared on a page the reader did not start it from, or null when none is due. */
export function liveNotice(event: LiveEvent): string | null {
  if (event.kind !== "started" || event.byYou) return null;
  const what = event.exportName || "an export";
  return event.actor ? `${event.actor} started ${what}` : `${what} was started outside Export Desk`;
}

/**
 * Whether an SWR key shows what an event (or, with `null`, any event of the model) may have changed: the model's
 * activity, the ledger's runs, and the export's task list and tasks.
 */
export function isStaleAfter(
  workspaceId: string,
  modelId: string,
  event: Pick<LiveEvent, "exportId"> | null,
  key: unknown,
): boolean {
  if (typeof key !== "string") return false;
  if (key === apiPaths.activity(workspaceId, modelId) || key.startsWith(apiPaths.runs(workspaceId, modelId)))
    return true;
  const tasks = event ? apiPaths.exportTasks(workspaceId, modelId, event.exportId) : null;
  if (tasks) return key === tasks || key.startsWith(`${tasks}/`);
  return key.startsWith(apiPaths.exports(workspaceId, modelId)) && /\/tasks(\/[^/?]+)?$/.test(key);
}
