// Completes `.next/standalone` after `next build`: the server there serves static assets and public/
// only when they are copied in before it starts, applies the ledger's migrations from lib/db/migrations (relative
// to its working folder), and is started through the front in server/ (start.mjs). Used by `npm run build`, the
// Dockerfile and the tests.
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const standalone = path.join(root, ".next", "standalone");
if (!existsSync(path.join(standalone, "server.js"))) {
  console.error("No .next/standalone/server.js: run `next build` first (next.config.js sets output: 'standalone').");
  process.exit(1);
}
for (const [from, to] of [
  [path.join(root, ".next", "static"), path.join(standalone, ".next", "static")],
  [path.join(root, "public"), path.join(standalone, "public")],
  [path.join(root, "lib", "db", "migrations"), path.join(standalone, "lib", "db", "migrations")],
]) {
  rmSync(to, { recursive: true, force: true });
  if (existsSync(from)) cpSync(from, to, { recursive: true });
}
for (const file of ["start.mjs", "front.mjs", "security-headers.cjs"]) {
  cpSync(path.join(root, "server", file), path.join(standalone, file));
}
console.log("Standalone server ready: node .next/standalone/start.mjs");
