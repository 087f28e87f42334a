import type { ActivityTask, ExportDefinition, ExportMetadata, Model, ModelStatus, Task, Workspace } from "./types";

/** Bodies of the BFF's GET routes (listed in the README's "The BFF" table), as the client reads them. */
export interface WorkspacesResponse {
  workspaces: Workspace[];
}
export interface ModelsResponse {
  models: Model[];
}
export interface ExportsResponse {
  exports: ExportDefinition[];
}
export interface ExportDetailResponse {
  exportMetadata: ExportMetadata;
  export?: ExportDefinition;
}
export interface TasksResponse {
  tasks: Task[];
}
export interface TaskResponse {
  task: Task;
}
export interface ActivityResponse {
  tasks: ActivityTask[];
  modelStatus?: ModelStatus | null;
}
