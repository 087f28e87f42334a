/**
 * `npx tsx bench/profile-bff.ts [path] [connections]`: profiles the production server (`node --cpu-prof`) while a
 * GET (an export's polled task list when the path is left out or ""; any path, a page too) is loaded at c=32 (or the
 * connections given), then prints where the server's time went during the load: self time by origin (our modules,
 * Next.js, React, Node, other packages), the top functions, and our own functions by self and by total time. Build with
 * `PROFILE_BUILD=1 npm run build` first: the server bundle is then unminified with source maps, and each sample is
 * traced back to the module it came from (a normal build can only say "app bundle"). The raw profile stays in the
 * printed folder, for a flame graph in Chrome DevTools or speedscope.
 */
import autocannon from "autocannon";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SEED } from "../sim/seed/ids";
import { bin, startService } from "./support/processes";
import { APP_PORT, appEnv, exportPath, SIM_PORT, signIn } from "./support/stack";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  /** Microseconds on the system's monotonic clock, the one `process.hrtime` reads in every process. */
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const OURS = "ours";
const maps = new Map<string, SourceMap | null>();

/** The source file a frame of the server bundle came from, through the chunk's source map when there is one. */
function sourceOf(frame: CallFrame): string {
  if (!frame.url.includes("/.next/server/")) return frame.url;
  const file = frame.url.startsWith("file:") ? fileURLToPath(frame.url) : frame.url;
  let map = maps.get(file);
  if (map === undefined) {
    try {
      // The standalone copy leaves the maps behind in the build's own .next/server.
      map = new SourceMap(JSON.parse(readFileSync(`${file.replace("/.next/standalone/", "/")}.map`, "utf8")));
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  return entry && "originalSource" in entry ? entry.originalSource : frame.url;
}

/** Where a source file belongs: our modules, Next.js, React, Node, or the package it is in. */
function originOf(source: string): string {
  if (!source) return "(native / idle / gc)";
  if (source.startsWith("node:")) return "node";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
  if (pkg) return /^(next|react|react-dom|react-server-dom-[\w-]+)$/.test(pkg) ? pkg.replace(/-dom.*/, "") : pkg;
  if (/\/\.next\/server\//.test(source)) return "app bundle (no source map: build with PROFILE_BUILD=1)";
  if (/\/\.next\/standalone\/(front|start)\.mjs$/.test(source)) return OURS;
  if (/\/\.next\/standalone\/server\.js$/.test(source)) return "next";
  if (/(^|\/)(lib|app|server|proxy\.ts)/.test(source.replace(/^.*\[project\]\//, ""))) return OURS;
  return "other";
}

const shortSource = (source: string) =>
  source.replace(/^.*\[project\]\//, "").replace(/^.*\/(node_modules|\.next)\//, "$1/");

/**
 * Self time per function and per origin, and total time (self and callees, counted once under recursion) of our
 * functions, in milliseconds; only samples taken between `fromUs` and `toUs` (the load, not the server's start-up).
 */
export function summarise(profile: CpuProfile, fromUs = -Infinity, toUs = Infinity) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= fromUs && at <= toUs) self.set(id, (self.get(id) ?? 0) + delta / 1000);
  });
  const described = new Map<number, { key: string; origin: string }>();
  const describe = (node: ProfileNode) => {
    let d = described.get(node.id);
    if (!d) {
      const frame = node.callFrame;
      const source = sourceOf(frame);
      const origin = frame.functionName === "(idle)" ? "(idle)" : originOf(source);
      d = { key: `${frame.functionName || "(anonymous)"} ${shortSource(source)}`, origin };
      described.set(node.id, d);
    }
    return d;
  };
  const functions = new Map<string, number>();
  const origins = new Map<string, number>();
  const ourModules = new Map<string, number>();
  const ourFunctions = new Set<string>();
  for (const [id, ms] of self) {
    const { key, origin } = describe(byId.get(id)!);
    functions.set(key, (functions.get(key) ?? 0) + ms);
    origins.set(origin, (origins.get(origin) ?? 0) + ms);
    if (origin === OURS) {
      ourFunctions.add(key);
      const file = key.slice(key.indexOf(" ") + 1);
      ourModules.set(file, (ourModules.get(file) ?? 0) + ms);
    }
  }
  const totals = new Map<string, number>();
  const totalOf = (id: number, above: ReadonlySet<string>): number => {
    const node = byId.get(id)!;
    const { key, origin } = describe(node);
    const outer = !above.has(key);
    const inner = outer ? new Set(above).add(key) : above;
    const ms = (self.get(id) ?? 0) + (node.children ?? []).reduce((sum, child) => sum + totalOf(child, inner), 0);
    if (outer && origin === OURS) totals.set(key, (totals.get(key) ?? 0) + ms);
    return ms;
  };
  if (profile.nodes[0]) totalOf(profile.nodes[0].id, new Set());
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    functions: sorted(functions),
    origins: sorted(origins),
    ourModules: sorted(ourModules),
    ourFunctions: sorted(functions).filter(([key]) => ourFunctions.has(key)),
    ourTotals: sorted(totals),
  };
}

async function main(): Promise<void> {
  const target = process.argv[2] || `/api${exportPath(SEED.exports.revenueCsv)}/tasks`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "export-desk-profile-"));
  let fromUs = 0;
  let toUs = 0;
  let requests = 0;
  const sim = await startService("simulator", bin("tsx"), ["sim/main.ts"], {
    port: SIM_PORT,
    healthPath: "/__sim/health",
    env: { SIM_PORT: String(SIM_PORT), SIM_HOST: "127.0.0.1" },
  });
  const app = await startService(
    "app",
    process.execPath,
    ["--cpu-prof", `--cpu-prof-dir=${dir}`, ".next/standalone/start.mjs"],
    {
      port: APP_PORT,
      healthPath: "/api/health",
      env: appEnv(sim.url, APP_PORT),
    },
  );
  try {
    const cookie = await signIn(app.url);
    const url = `${app.url}${target}`;
    const connections = Number(process.argv[3] ?? 32);
    // Warm-up, also past the ledger's database opening in the background after start-up (PGlite: a few seconds).
    await autocannon({ url, headers: { Cookie: cookie }, connections, duration: 8 });
    fromUs = Number(process.hrtime.bigint() / 1000n);
    const result = await autocannon({ url, headers: { Cookie: cookie }, connections, duration: 10 });
    toUs = Number(process.hrtime.bigint() / 1000n);
    requests = result.requests.total;
    console.log(`${url}: ${Math.round(result.requests.average)} req/s, ${result.non2xx} non-2xx`);
  } finally {
    await app.stop();
    await sim.stop();
  }
  const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no profile written in ${dir}`);
  const { functions, origins, ourModules, ourFunctions, ourTotals } = summarise(
    JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile,
    fromUs,
    toUs,
  );
  const total = origins.reduce((sum, [, ms]) => sum + ms, 0);
  const busy = total - (origins.find(([name]) => name === "(idle)")?.[1] ?? 0);
  const list = (title: string, rows: [string, number][], count: number) => {
    console.log(`\n${title}`);
    for (const [name, ms] of rows.slice(0, count))
      console.log(
        `${((ms / total) * 100).toFixed(2).padStart(6)} %  ${(ms / requests).toFixed(3).padStart(7)} ms/req  ${name}`,
      );
  };
  console.log(
    `\nProfile: ${path.join(dir, file)}\n${Math.round(total)} ms sampled during the load, ${Math.round(busy)} ms busy: ` +
      `${(busy / requests).toFixed(3)} ms of server CPU per request (${requests} requests)`,
  );
  list("Self time by origin", origins, 20);
  list("Top functions by self time", functions, 30);
  list("Our modules by self time", ourModules, 20);
  list("Our functions by self time", ourFunctions, 20);
  list("Our functions by total time, callees included (an await ends what is counted)", ourTotals, 30);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
