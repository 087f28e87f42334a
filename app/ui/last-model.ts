export interface LastModel {
  workspaceId: string;
  modelId: string;
  modelName: string;
  workspaceName: string;
}

const KEY = "export-desk:last-model";
/** Cached so useSyncExternalStore sees a stable value; undefined = not read yet. */
let snapshot: LastModel | null | undefined;

export function rememberModel(value: LastModel): void {
  snapshot = value;
  try {
    localStorage.setItem(KEY, JSON.stringify(value));
  } catch {
    // Private mode or storage full: remembering is a nicety.
  }
}

export function lastModelSnapshot(): LastModel | null {
  if (snapshot === undefined) snapshot = readLastModel();
  return snapshot;
}

function readLastModel(): LastModel | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<LastModel>;
    if (typeof v.workspaceId === "string" && typeof v.modelId === "string" && typeof v.modelName === "string") {
      return {
        workspaceId: v.workspaceId,
        modelId: v.modelId,
        modelName: v.modelName,
        workspaceName: v.workspaceName ?? "",
      };
    }
  } catch {
    // Ignore unreadable values.
  }
  return null;
}
