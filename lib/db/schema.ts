import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, index, pgTable, real, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * The team ledger: one schema for PGlite and PostgreSQL. Every run is scoped by tenant (Anaplan customer id),
 * workspace and model. No token, password, cookie or file content is ever stored.
 */
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const runs = pgTable(
  "runs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: text("tenant_id").notNull(),
    workspaceId: text("workspace_id").notNull(),
    modelId: text("model_id").notNull(),
    taskId: text("task_id").notNull(),
    exportId: text("export_id").notNull(),
    exportName: text("export_name").notNull(),
    locale: text("locale"),
    /** Null when the run was started outside Export Desk. */
    startedByUserId: text("started_by_user_id"),
    startedByEmail: text("started_by_email"),
    startedByName: text("started_by_name"),
    startedAt: at("started_at").notNull(),
    /** Anaplan's last seen state and what it means (queued … succeeded, failed, cancelled, unknown). */
    taskState: text("task_state"),
    outcome: text("outcome").notNull(),
    progress: real("progress"),
    /** First observation of a final state. */
    finishedAt: at("finished_at"),
    failure: text("failure"),
    cancelledByUserId: text("cancelled_by_user_id"),
    cancelledByEmail: text("cancelled_by_email"),
    cancelledByName: text("cancelled_by_name"),
    cancelRequestedAt: at("cancel_requested_at"),
    /** When Anaplan was last asked about this run (by a reader or a task list); limits catch-up checks. */
    checkedAt: at("checked_at"),
  },
  (t) => [
    uniqueIndex("runs_task_key").on(t.tenantId, t.workspaceId, t.modelId, t.taskId),
    index("runs_newest_first").on(t.tenantId, t.workspaceId, t.modelId, t.startedAt.desc(), t.id.desc()),
    index("runs_by_export").on(t.tenantId, t.workspaceId, t.modelId, t.exportId, t.startedAt.desc(), t.id.desc()),
    index("runs_active")
      .on(t.tenantId, t.workspaceId, t.modelId, t.checkedAt)
      .where(sql`${t.outcome} in ('queued', 'running', 'cancelling')`),
    index("runs_started_at").on(t.startedAt),
  ],
);

export const runTransitions = pgTable(
  "run_transitions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    runId: bigint("run_id", { mode: "number" })
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    outcome: text("outcome").notNull(),
    taskState: text("task_state").notNull(),
    seenAt: at("seen_at").notNull(),
  },
  (t) => [uniqueIndex("run_transitions_once").on(t.runId, t.outcome)],
);

export const downloads = pgTable(
  "downloads",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: text("tenant_id").notNull(),
    workspaceId: text("workspace_id").notNull(),
    modelId: text("model_id").notNull(),
    exportId: text("export_id").notNull(),
    /** The run whose file this was, when the ledger knows it. */
    runId: bigint("run_id", { mode: "number" }).references(() => runs.id, { onDelete: "cascade" }),
    byUserId: text("by_user_id").notNull(),
    byEmail: text("by_email").notNull(),
    byName: text("by_name").notNull(),
    startedAt: at("started_at").notNull(),
    finishedAt: at("finished_at"),
    bytes: bigint("bytes", { mode: "number" }).notNull().default(0),
    complete: boolean("complete").notNull().default(false),
  },
  (t) => [index("downloads_by_run").on(t.runId), index("downloads_started_at").on(t.startedAt)],
);

/** Small facts the instances share, such as when the ledger was last pruned. */
export const ledgerMeta = pgTable("ledger_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: at("updated_at")
    .notNull()
    .default(sql`now()`),
});

/**
 * Sessions signed out on any instance, until they would have ended anyway: every instance refuses them at once.
 * Only with DATABASE_URL (the embedded database serves one process, whose own memory is enough).
 */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sid: text("sid").primaryKey(),
    until: at("until").notNull(),
  },
  (t) => [index("revoked_sessions_until").on(t.until)],
);

/**
 * One token refresh per session across instances: the instance that refreshes first stores the outcome sealed with
 * SESSION_SECRET (never in plain text), keyed by a hash of the token it replaced; an instance that lost the race
 * adopts it. Rows go once every instance could have read them.
 */
export const tokenRefreshes = pgTable(
  "token_refreshes",
  {
    key: text("key").primaryKey(),
    sealed: text("sealed").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("token_refreshes_created_at").on(t.createdAt)],
);
