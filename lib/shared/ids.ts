/**
 * Strict id patterns, checked before any upstream call, by the API (anything else is a 400 INVALID_ID) and by pages
 * (a 404 that says the link looks incomplete). Ids stay strings. Client-safe.
 */
export const ID_PATTERNS = {
  workspaceId: /^[0-9A-Fa-f]{32}$/,
  modelId: /^[0-9A-Fa-f]{32}$/,
  exportId: /^[0-9]{12}$/,
  taskId: /^[0-9A-Fa-f]{32}$/,
} as const;

export type IdName = keyof typeof ID_PATTERNS;
export type Ids<K extends IdName> = { [P in K]: string };

export function isValidId(name: IdName, value: unknown): value is string {
  return typeof value === "string" && ID_PATTERNS[name].test(value);
}

/** Returns the validated ids, or null when any is missing or malformed. */
export function validateIds<K extends IdName>(params: Record<string, unknown>, names: readonly K[]): Ids<K> | null {
  const out = {} as Ids<K>;
  for (const name of names) {
    const value = params[name];
    if (!isValidId(name, value)) return null;
    out[name] = value;
  }
  return out;
}

/** The id each segment name of a page address precedes: /w/{workspaceId}/m/{modelId}/exports/{exportId}/tasks/{taskId}. */
const PAGE_SEGMENTS: Readonly<Record<string, IdName>> = {
  w: "workspaceId",
  m: "modelId",
  exports: "exportId",
  tasks: "taskId",
};

/**
 * Whether a page address carries an id of the wrong shape. Checked by proxy.ts before rendering starts, so the answer
 * can still be a 404: once a page streams (its loading.tsx), notFound() can only change what it shows, not the status.
 */
export function hasMalformedPageId(pathname: string): boolean {
  const parts = pathname.split("/").filter(Boolean);
  if (parts[0] !== "w") return false;
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const name = PAGE_SEGMENTS[parts[i] as string];
    if (!name) return false;
    let value: string;
    try {
      value = decodeURIComponent(parts[i + 1] as string);
    } catch {
      return true;
    }
    if (!isValidId(name, value)) return true;
  }
  return false;
}
