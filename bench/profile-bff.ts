/**
 * `npx tsx bench/profile-bff.ts [path]`: profiles the production server (`node --cpu-prof`) while a polled BFF GET
 * (an export's task list by default) is loaded at c=32, then prints where the server's own time went: the top
 * functions by self time, and self time by origin (our code, Next.js, React, Node). Needs `npm run build`.
 * The raw profile stays in the printed folder, for a flame graph in Chrome DevTools or speedscope.
 */
import autocannon from "autocannon";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SEED } from "../sim/seed/ids";
import { bin, startService } from "./support/processes";
import { APP_PORT, appEnv, exportPath, SIM_PORT, signIn } from "./support/stack";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const APP_BUNDLE = "app bundle (ours + bundled packages)";

function origin(url: string): string {
  if (!url) return "(native / idle / gc)";
  if (url.startsWith("node:")) return "node";
  if (/server\/(front|start)\.mjs/.test(url)) return "ours";
  // The production build bundles our modules with the packages they import (iron-session, zod, …), minified:
  // their time is told apart by the ladder of probe routes in the README's benchmark notes, not here.
  if (/\.next\/server\/chunks\/(?!.*turbopack\]_runtime)/.test(url)) return APP_BUNDLE;
  if (/react/.test(url)) return "react";
  if (/next/.test(url)) return "next";
  return "other";
}

/** Self time per function and per origin, in milliseconds. */
export function summarise(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const functions = new Map<string, number>();
  const origins = new Map<string, number>();
  const ofTheApp = new Set<string>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    const where = frame.url.replace(/^.*\/(\.next|node_modules)\//, "$1/");
    const key = `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
    const o = frame.functionName === "(idle)" ? "(idle)" : origin(frame.url);
    origins.set(o, (origins.get(o) ?? 0) + ms);
    if (o === APP_BUNDLE || o === "ours") ofTheApp.add(key);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { functions: sorted(functions), origins: sorted(origins), ofTheApp };
}

async function main(): Promise<void> {
  const target = process.argv[2] ?? `${exportPath(SEED.exports.revenueCsv)}/tasks`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "export-desk-profile-"));
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
    const url = `${app.url}/api${target}`;
    const result = await autocannon({ url, headers: { Cookie: cookie }, connections: 32, duration: 10 });
    console.log(`${url}: ${Math.round(result.requests.average)} req/s, ${result.non2xx} non-2xx`);
  } finally {
    await app.stop();
    await sim.stop();
  }
  const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no profile written in ${dir}`);
  const { functions, origins, ofTheApp } = summarise(
    JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile,
  );
  const total = origins.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`\nProfile: ${path.join(dir, file)} (${Math.round(total)} ms sampled)\n\nSelf time by origin`);
  for (const [name, ms] of origins) console.log(`${((ms / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
  console.log("\nTop functions by self time");
  for (const [name, ms] of functions.slice(0, 30))
    console.log(`${((ms / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
  console.log("\nThe app bundle and server/*.mjs by self time (minified names)");
  for (const [name, ms] of functions.filter(([key]) => ofTheApp.has(key)).slice(0, 20))
    console.log(`${((ms / total) * 100).toFixed(2).padStart(6)} %  ${name}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
