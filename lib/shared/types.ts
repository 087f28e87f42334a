/**
 * Client-safe shapes of what the BFF returns (and what lib/anaplan parses from Anaplan).
 * Ids are always strings; enums stay open because Anaplan adds values.
 * Client-safe: client components use it.
 */
import type { Person } from "./runs";

export type TaskState = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETE" | "CANCELLING" | "CANCELLED" | (string & {});

export interface TaskResultDetail {
  type?: string;
  localMessageText?: string;
  occurrences?: number;
  values?: string[];
}

export interface TaskResult {
  successful: boolean;
  failureDumpAvailable?: boolean;
  objectId?: string;
  objectName?: string;
  details?: TaskResultDetail[];
}

export interface Task {
  taskId: string;
  taskState: TaskState;
  /** Milliseconds since the epoch. */
  creationTime?: number;
  currentStep?: string;
  /** 0.0–1.0 */
  progress?: number;
  result?: TaskResult;
  cancelledBy?: string;
  /** Who started it, from the team ledger: a person, null (outside Export Desk), absent (the ledger has not seen it). */
  startedBy?: Person | null;
}

/** A task in the model activity table: a task plus the export it belongs to. */
export interface ActivityTask extends Task {
  exportId: string;
  exportName: string;
}

export interface User {
  id: string;
  email: string;
  firstName?: string;
  lastName?: string;
  /** The Anaplan customer (tenant); the ledger keeps every tenant's rows apart. */
  customerId?: string;
}

export interface Workspace {
  id: string;
  name: string;
  active?: boolean;
  sizeAllowance?: number;
  currentSize?: number;
}

export interface Model {
  id: string;
  name: string;
  activeState?: string;
  currentWorkspaceId?: string;
  currentWorkspaceName?: string;
  lastModified?: string;
}

export interface ExportDefinition {
  id: string;
  name: string;
  exportType?: string;
  exportFormat?: string;
  encoding?: string;
  layout?: string;
}

export interface ExportMetadata {
  columnCount?: number;
  rowCount?: number;
  exportFormat?: string;
  encoding?: string;
  delimiter?: string;
  separator?: string;
  headerNames?: string[];
  dataTypes?: string[];
  listNames?: string[];
  layout?: string;
}

/** Bare `requestStatus` of GET /models/{m}/status. */
export interface ModelStatus {
  currentStep?: string;
  progress?: number;
  creationTime?: number;
  taskId?: string;
  tooltip?: string;
  exportTaskType?: string;
}

export type AuthMethod = "basic" | "oauth";

/** GET /api/session */
export interface SessionInfo {
  user: { id: string; email: string; name: string };
  authMethod: AuthMethod;
  /** When the session ends at the latest (ms since epoch); the Anaplan token itself is refreshed silently. */
  expiresAt: number;
}

/** Every BFF error body. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}
