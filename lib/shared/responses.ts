import type { RunsPage } from "./runs";
import type { ActivityTask, ExportDefinition, ExportMetadata, Model, ModelStatus, Task, Workspace } from "./types";

/**
 * The JSON bodies of the BFF's GET routes: what lib/data's queries return, the route handlers send, and the SWR
 * hooks read. Client-safe: imports nothing but types.
 */
export interface WorkspacesResponse {
  workspaces: Workspace[];
}
export interface ModelsResponse {
  models: Model[];
}
export interface ExportsResponse {
  exports: ExportDefinition[];
}
/** `export` is always there: an export id missing from the model's list answers 404 instead. */
export interface ExportDetailResponse {
  exportMetadata: ExportMetadata;
  export: ExportDefinition;
}
/** Finished tasks carry their result (looked up on the server, see lib/data/task-results.ts). */
export interface TasksResponse {
  tasks: Task[];
}
export interface TaskResponse {
  task: Task;
}
export interface ActivityResponse {
  tasks: ActivityTask[];
  modelStatus: ModelStatus | null;
  /** How far the slow sweep for runs started outside Export Desk has read (exportsTotal null: not started yet). */
  sweep?: { exportsRead: number; exportsTotal: number | null };
}

/** GET …/runs; `history` says whether the team ledger is recording now ("off": no database configured). */
export interface RunsResponse extends RunsPage {
  history: "ok" | "off" | "unavailable";
}
