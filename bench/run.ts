/**
 * `npm run bench [names…]`: runs the benchmarks (all by default: proxy, download, polling, weight, catalogue, ledger,
 * sessions, ledger-cost, liveness, activity), each measuring three times (median, min–max), writes each one's figures to
 * bench/results/<name>.json when it ends and regenerates the README's table from those files. Every figure is a
 * ratio against a baseline measured in the same run, because these machines are shared and noisy.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { activityFirstOpen } from "./activity";
import { catalogueAtScale } from "./catalogue";
import { downloadStreaming } from "./download";
import { ledgerScale } from "./ledger";
import { ledgerCost } from "./ledger-cost";
import { liveness } from "./liveness";
import { pageWeight } from "./page-weight";
import { pollingEconomy } from "./polling";
import { proxyOverhead } from "./proxy-overhead";
import { sharedSessions } from "./shared-sessions";
import { updateReadmeTable } from "./support/table";
import { root } from "./support/processes";
import { startStack, type Stack } from "./support/stack";
import type { Target } from "./support/targets";

type Bench = (stack: Stack) => Promise<{ rows: object[]; targets: Target[] }>;

const all: Record<string, Bench> = {
  proxy: proxyOverhead,
  download: downloadStreaming,
  polling: pollingEconomy,
  weight: pageWeight,
  catalogue: catalogueAtScale,
  ledger: () => ledgerScale(),
  sessions: sharedSessions,
  "ledger-cost": ledgerCost,
  liveness,
  activity: activityFirstOpen,
};
/** Benchmarks of lib/ alone: no build, simulator or app server. */
const withoutStack = new Set(["ledger"]);

const round = (v: unknown) => (typeof v === "number" ? Number(v.toFixed(v < 10 ? 2 : 1)) : v);

async function main(): Promise<void> {
  const requested = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const names = requested.length ? requested : Object.keys(all);
  const unknown = names.filter((n) => !all[n]);
  if (unknown.length)
    throw new Error(`Unknown benchmark(s): ${unknown.join(", ")}. Choose from ${Object.keys(all).join(", ")}.`);

  const needsApp = names.some((n) => !withoutStack.has(n));
  if (!process.argv.includes("--no-build") && needsApp) {
    console.log("Building the production app…");
    const build = spawnSync("npm", ["run", "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const results: Record<string, { rows: object[]; targets: Target[] }> = {};
  mkdirSync(path.join(root, "bench", "results"), { recursive: true });
  for (const name of names) {
    const stack = withoutStack.has(name) ? null : await startStack();
    try {
      console.log(`\n■ ${name}`);
      const loadBefore = os.loadavg()[0]!;
      const result = await all[name]!(stack as Stack);
      // How busy the machine was (1-minute load average, before and after): a figure taken beside other work is noisier.
      const machine = {
        cores: os.cpus().length,
        loadAverage: [loadBefore, os.loadavg()[0]!].map((l) => Number(l.toFixed(1))),
      };
      results[name] = result;
      console.table(result.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, round(v)]))));
      // Written at once, so a later benchmark that fails does not lose this one's figures.
      const file = path.join(root, "bench", "results", `${name}.json`);
      writeFileSync(
        file,
        JSON.stringify({ date: new Date().toISOString(), node: process.version, machine, ...result }, null, 2) + "\n",
      );
      console.log(`Figures written to ${path.relative(root, file)}`);
    } finally {
      await stack?.stop();
    }
  }

  console.log("\nTargets (median of the runs, min–max)");
  console.table(
    Object.values(results).flatMap((r) =>
      r.targets.map(({ name, value, min, max, target, met }) => ({
        name,
        median: round(value),
        "min–max": min === undefined || max === undefined ? "—" : `${round(min)}–${round(max)}`,
        target,
        met: met === null ? "—" : met ? "yes" : "NO",
      })),
    ),
  );
  updateReadmeTable();
  console.log("README benchmark table regenerated from bench/results/*.json");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
