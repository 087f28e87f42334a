import { describe, expect, it } from "vitest";
import { findOutsidePaths, foldersOf, isScanned } from "@/scripts/outside-paths";

// The samples name a stand-in team folder ("team"), so this file itself names nothing outside the repository.
const up = (n: number) => "../".repeat(n);
const teamFolder = "/work/team";
const folders = foldersOf([
  "lib/team/types.ts",
  "lib/anaplan/api.ts",
  "sim/conformance/anaplan/openapi/NOTICE",
  "e2e/a.spec.ts",
]);
const lines = (file: string, text: string) => findOutsidePaths(file, text, folders, "team").map((f) => f.line);

describe("findOutsidePaths", () => {
  it("flags the team folder by absolute path, and relative paths above the root", () => {
    expect(lines("sim/x.ts", `const a = "${teamFolder}/anaplan";`)).toEqual([1]);
    expect(lines("sim/conformance/x.ts", `ok\nconst d = path.resolve(__dirname, "${up(3)}team/anaplan");`)).toEqual([
      2,
    ]);
    expect(lines("lib/x.ts", `import x from "${up(2)}outside/x";`)).toEqual([1]);
    expect(lines("x.ts", `const d = new URL("${up(1)}..", import.meta.url);`)).toEqual([1]);
  });

  it("flags folder joins that climb out, segment by segment", () => {
    expect(lines("e2e/support/x.ts", `path.join(__dirname, ${'"..", '.repeat(3)}"team")`)).toEqual([1]);
    expect(lines("scripts/x.mjs", `path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", '..')`)).toEqual([
      1,
    ]);
  });

  it("flags a root-relative team-folder path the repository does not have", () => {
    expect(lines("sim/conformance/x.ts", ` * read from \`${up(1)}team/anaplan/reference.md\``)).toEqual([1]);
  });

  it("leaves paths that stay inside alone", () => {
    expect(lines("lib/anaplan/x.ts", `import t from "${up(1)}team/types";`)).toEqual([]);
    const joins = `const root = path.join(__dirname, "..", "..");\nconst log = path.join(__dirname, "..", LOG);`;
    expect(lines("e2e/support/x.ts", joins)).toEqual([]);
    expect(lines("test/bff/x.ts", `["${up(2)}etc/passwd", "a/${up(5)}b", "GET .../tasks", "${up(1)}x"]`)).toEqual([]);
    expect(lines("sim/conformance/x.ts", `path.join(__dirname, "anaplan")`)).toEqual([]);
  });

  it("reports each line once", () => {
    expect(
      findOutsidePaths("a/x.ts", `path.resolve(__dirname, "${up(3)}x", "${teamFolder}")`, folders, "team"),
    ).toHaveLength(1);
  });
});

describe("isScanned", () => {
  it("scans code, configs and CI scripts, not prose or data files", () => {
    for (const file of [
      "a.ts",
      "b.tsx",
      "vitest.config.mts",
      "next.config.js",
      "package.json",
      "Dockerfile",
      ".ci/run",
      ".env.example",
    ]) {
      expect(isScanned(file), file).toBe(true);
    }
    for (const file of ["README.md", "docs/x.md", "docs/screenshots/a.png", "sim/conformance/anaplan/openapi/NOTICE"]) {
      expect(isScanned(file), file).toBe(false);
    }
  });
});
