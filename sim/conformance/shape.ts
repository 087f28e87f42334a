/**
 * "Field for field" comparison of a simulator body with a recorded fixture: the same keys at every level, the same
 * JSON type per key. Arrays are compared by element shape (every actual element against the fixture's element
 * shape). Values are never compared — only structure.
 *
 * Differences are reported as readable strings with a dotted path (`models[].id`); an allow-list of documented
 * differences, each with its reason, filters them.
 */

export type JsonType = "null" | "array" | "object" | "string" | "number" | "boolean";

export function jsonType(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const t = typeof value;
  if (t === "string" || t === "number" || t === "boolean" || t === "object") return t;
  throw new Error(`not a JSON value: ${t}`);
}

/** `empty`: the simulator's array is empty where the fixture's is not, so its element shape could not be compared. */
export type DifferenceKind = "missing" | "extra" | "type" | "empty";

export interface Difference {
  kind: DifferenceKind;
  /** Dotted path; array elements are written `[]`, e.g. `task.result.details[].values[]`. */
  path: string;
  expected?: JsonType;
  got?: JsonType;
}

export function describeDifference(d: Difference): string {
  switch (d.kind) {
    case "missing":
      return `missing key ${d.path} (fixture has ${d.expected})`;
    case "extra":
      return `extra key ${d.path} (${d.got}) not in the fixture`;
    case "type":
      return `type of ${d.path}: fixture ${d.expected}, simulator ${d.got}`;
    case "empty":
      return `empty array ${d.path} in the simulator body: element shape not compared`;
  }
}

const join = (base: string, key: string): string => (base ? `${base}.${key}` : key);

/**
 * The element shape of a fixture array: its first element. Fixture arrays are uniform (checked here), so the first
 * element stands for all of them.
 */
function elementShape(list: unknown[], path: string): unknown {
  const first = list[0];
  for (const other of list.slice(1)) {
    const diffs = compareShape(first, other, `${path}[]`);
    if (diffs.length)
      throw new Error(`fixture array ${path} is not uniform: ${diffs.map(describeDifference).join("; ")}`);
  }
  return first;
}

export function compareShape(expected: unknown, actual: unknown, path = ""): Difference[] {
  const et = jsonType(expected);
  const at = jsonType(actual);
  if (et !== at) return [{ kind: "type", path: path || "(root)", expected: et, got: at }];
  const out: Difference[] = [];
  if (et === "object") {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    for (const key of Object.keys(e)) {
      if (!(key in a)) out.push({ kind: "missing", path: join(path, key), expected: jsonType(e[key]) });
      else out.push(...compareShape(e[key], a[key], join(path, key)));
    }
    for (const key of Object.keys(a)) {
      if (!(key in e)) out.push({ kind: "extra", path: join(path, key), got: jsonType(a[key]) });
    }
  } else if (et === "array") {
    const e = expected as unknown[];
    const a = actual as unknown[];
    if (e.length > 0 && a.length > 0) {
      const shape = elementShape(e, path);
      const seen = new Set<string>();
      for (const item of a) {
        for (const d of compareShape(shape, item, `${path}[]`)) {
          const key = describeDifference(d);
          if (!seen.has(key)) {
            seen.add(key);
            out.push(d);
          }
        }
      }
    }
  }
  return out;
}

export interface AllowedDifference {
  kind: DifferenceKind;
  path: string;
  /** The reference.md section (or fixture caveat) that documents this difference. */
  reason: string;
}

/**
 * Compares and returns only the differences no allow-list entry explains, as readable strings.
 * An array in the simulator body that is empty while the fixture's is not cannot be compared element-wise: that is
 * reported (kind `empty`) so a test cannot pass by comparing nothing.
 */
export function unexplainedDifferences(
  expected: unknown,
  actual: unknown,
  allowed: readonly AllowedDifference[] = [],
): string[] {
  const diffs = [...compareShape(expected, actual), ...emptyArrays(expected, actual, "")];
  return diffs.filter((d) => !allowed.some((a) => a.kind === d.kind && a.path === d.path)).map(describeDifference);
}

function emptyArrays(expected: unknown, actual: unknown, path: string): Difference[] {
  const et = jsonType(expected);
  if (et !== jsonType(actual)) return [];
  if (et === "array") {
    const e = expected as unknown[];
    const a = actual as unknown[];
    if (e.length > 0 && a.length === 0) return [{ kind: "empty", path: path || "(root)" }];
    if (e.length === 0) return [];
    const found = a.flatMap((item) => emptyArrays(e[0], item, `${path}[]`));
    return found.filter((d, i) => found.findIndex((x) => x.path === d.path) === i);
  }
  if (et === "object") {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    return Object.keys(e)
      .filter((k) => k in a)
      .flatMap((k) => emptyArrays(e[k], a[k], join(path, k)));
  }
  return [];
}
