/**
 * Fails when a file of the repository (tracked, or new and not ignored) reads from outside it, so that a clone
 * alone builds and passes its tests. `npx tsx scripts/check-self-contained.ts`; `npm test -- --with-checks` runs it.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { findOutsidePaths, foldersOf, isScanned } from "./outside-paths";

const root = path.resolve(__dirname, "..");
const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
  cwd: root,
  encoding: "utf8",
});
const files = [...new Set(listed.split("\0").filter(Boolean))];
const folders = foldersOf(files);

const found = files.filter(isScanned).flatMap((file) => {
  try {
    return findOutsidePaths(file, readFileSync(path.join(root, file), "utf8"), folders);
  } catch {
    return []; // listed by git but deleted in the working tree
  }
});

for (const f of found) console.log(`${f.file}:${f.line}: ${f.why}`);
if (found.length > 0) {
  console.log(`${found.length} place(s) reach outside the repository: copy what they need into it.`);
  process.exit(1);
}
console.log(`self-contained: ${files.filter(isScanned).length} files read nothing outside the repository`);
