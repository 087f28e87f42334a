/**
 * Finds where a file's text reaches outside the repository: the team's shared folder by its absolute path, a
 * relative path or a `path.join(__dirname, …)` that climbs above the root, or a relative path to a `shared` folder
 * the repository does not have (the team folder that sits beside the repository, named relative to the root).
 * Pure: paths are repository-relative with `/`, and the caller says which folders exist.
 */
import path from "node:path";

export interface OutsidePath {
  file: string;
  line: number;
  why: string;
}

/** Text that can read, import or configure a path: code, tests, configs, CI and container scripts. Not prose. */
const SCANNED = /\.(?:[cm]?[jt]sx?|json|ya?ml|sh)$|(?:^|\/)(?:Dockerfile|\.env\.example)$|^\.ci\//;

/** The team's folder beside the repository, by name (tests pass another name). */
const TEAM_FOLDER_NAME = "shared";

/**
 * The start of a relative path that climbs: one or more `../`, then a last `..` or some path. Not a `..` inside
 * another path (`a/../b`), nor an ellipsis (`GET .../tasks`).
 */
const CLIMB = /(?<![\w./\\])(?:\.\.\/)+(?:\.\.(?![\w.])|[\w@+-][\w.@+-]*(?:\/[\w.@+-]+)*)?/g;

/** `path.join(__dirname, "..", "x")` and the like: a file's own folder plus literal segments. */
const OWN_FOLDER = "(?:__dirname|import\\.meta\\.dirname|path\\.dirname\\(fileURLToPath\\(import\\.meta\\.url\\)\\))";
const FROM_OWN_FOLDER = new RegExp(
  `path\\.(?:join|resolve)\\(\\s*${OWN_FOLDER}((?:\\s*,\\s*(?:"[^"]*"|'[^']*'))+)`,
  "g",
);

export function isScanned(file: string): boolean {
  return SCANNED.test(file);
}

function climbsOut(resolved: string): boolean {
  return resolved === ".." || resolved.startsWith("../");
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function literalSegments(args: string): string[] {
  return [...args.matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2] ?? "");
}

/**
 * Every place `text` (the content of `file`) reaches outside the repository; `folders` holds every folder the
 * repository has, so that a relative `shared` path that resolves to nothing inside it is caught too.
 */
export function findOutsidePaths(
  file: string,
  text: string,
  folders: ReadonlySet<string>,
  team = TEAM_FOLDER_NAME,
): OutsidePath[] {
  const found = new Map<number, string>();
  const note = (index: number, why: string) => {
    const line = lineAt(text, index);
    if (!found.has(line)) found.set(line, why);
  };
  const dir = path.posix.dirname(file);

  for (const m of text.matchAll(new RegExp(`/work/${team}\\b`, "g"))) {
    note(m.index, "names the team's folder by its absolute path");
  }
  for (const m of text.matchAll(CLIMB)) {
    const resolved = path.posix.join(dir, m[0]);
    if (climbsOut(resolved)) note(m.index, `${m[0]} climbs above the repository root`);
    const named = new RegExp(`^((?:\\.\\./)+${team})(?:/|$)`).exec(m[0]);
    if (named?.[1] && !folders.has(path.posix.join(dir, named[1]))) {
      note(m.index, `${m[0]} names a ${team} folder the repository does not have`);
    }
  }
  for (const m of text.matchAll(FROM_OWN_FOLDER)) {
    const resolved = path.posix.join(dir, ...literalSegments(m[1] ?? ""));
    if (climbsOut(resolved)) note(m.index, "joins a path above the repository root");
  }
  return [...found].map(([line, why]) => ({ file, line, why })).sort((a, b) => a.line - b.line);
}

/** Every folder that holds one of `files`, the root excluded. */
export function foldersOf(files: readonly string[]): Set<string> {
  const folders = new Set<string>();
  for (const file of files) {
    for (let dir = path.posix.dirname(file); dir !== "." && !folders.has(dir); dir = path.posix.dirname(dir))
      folders.add(dir);
  }
  return folders;
}
