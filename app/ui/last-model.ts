export interface LastModel {
  workspaceId: string;
  modelId: string;
  modelName: string;
  workspaceName: string;
}

/** When this browser last opened each model (epoch ms), keyed by pickerKey; the picker's "opened by you". */
export type OpenedAt = Readonly<Record<string, number>>;

const KEY = "export-desk:last-model";
const OPENED_KEY = "export-desk:opened-at";
/** Enough for anyone's models; the oldest are forgotten first. */
const OPENED_LIMIT = 100;
/** Cached so useSyncExternalStore sees a stable value; undefined = not read yet. */
let snapshot: LastModel | null | undefined;
let opened: OpenedAt | undefined;

export function rememberModel(value: LastModel, key: string, at: number): void {
  snapshot = value;
  const kept = Object.entries({ ...openedAtSnapshot(), [key]: at })
    .sort((a, b) => b[1] - a[1])
    .slice(0, OPENED_LIMIT);
  opened = Object.fromEntries(kept);
  try {
    localStorage.setItem(KEY, JSON.stringify(value));
    localStorage.setItem(OPENED_KEY, JSON.stringify(opened));
  } catch {
    // Private mode or storage full: remembering is a nicety.
  }
}

export function lastModelSnapshot(): LastModel | null {
  if (snapshot === undefined) snapshot = readLastModel();
  return snapshot;
}

export function openedAtSnapshot(): OpenedAt {
  if (opened === undefined) opened = readOpenedAt();
  return opened;
}

function readOpenedAt(): OpenedAt {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(OPENED_KEY) ?? "{}");
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v).filter((e): e is [string, number] => Number.isFinite(e[1])));
  } catch {
    // Ignore unreadable values.
  }
  return {};
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
