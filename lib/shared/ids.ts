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
