import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SEED } from "../sim/seed/ids";
import { repeated } from "./support/repeat";
import { judged } from "./support/targets";
import { benchPort, bffCsrfHeaders, exportPath, signIn, startAppBeside, type Stack } from "./support/stack";

/**
 * What the ledger costs the person and Anaplan: the same app with the ledger off and on the embedded database.
 * Starting a run (its ledger row is written before the answer) as a p50 of sequential starts, and the upstream calls
 * one scripted visit makes (start, watch the task list and activity, read the runs, download).
 */

async function withApp<T>(
  stack: Stack,
  port: number,
  env: Record<string, string>,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const app = await startAppBeside(stack, port, env);
  try {
    return await work(app.url);
  } finally {
    await app.stop();
  }
}

async function startP50(url: string, cookie: string, count = 60): Promise<number> {
  const tasks = `${url}/api${exportPath(SEED.exports.revenueCsv)}/tasks`;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await fetch(tasks, { method: "POST", headers: bffCsrfHeaders(url, cookie), body: "{}" });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`start answered ${res.status}`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function upstreamCallsOfAVisit(stack: Stack, url: string): Promise<number> {
  const model = `${url}/api/workspaces/${SEED.workspaces.finance}/models/${SEED.models.fpa}`;
  const exportUrl = `${url}/api${exportPath(SEED.exports.opexTxt)}`;
  const get = async (target: string) => (await fetch(target, { headers: { Cookie: cookie } })).arrayBuffer();
  await stack.control.reset();
  await stack.control.configure({ taskDurationMs: 100 });
  const cookie = await signIn(url);
  await stack.control.clearRequests();
  await (
    await fetch(`${exportUrl}/tasks`, { method: "POST", headers: bffCsrfHeaders(url, cookie), body: "{}" })
  ).arrayBuffer();
  await stack.control.advanceClock(1_000);
  for (let i = 0; i < 3; i++) await get(`${exportUrl}/tasks`);
  await get(`${model}/tasks`);
  await get(`${model}/runs`);
  await get(`${exportUrl}/file`);
  return (await stack.control.requests()).filter((r) => r.path.startsWith("/2/0/")).length;
}

export async function ledgerCost(stack: Stack) {
  const dataDirs: string[] = [];
  try {
    const measure = (port: number, env: Record<string, string>) =>
      withApp(stack, port, env, async (url) => {
        const upstreamCallsPerVisit = await upstreamCallsOfAVisit(stack, url);
        return { startP50Ms: await startP50(url, await signIn(url)), upstreamCallsPerVisit };
      });
    const figures = await repeated(async () => {
      // VERCEL without DATABASE_URL is the one configuration where the ledger is off.
      const off = await measure(benchPort(3331), { VERCEL: "1" });
      // A new ledger each run: the runs an earlier run left "active" (tasks the reset simulator has forgotten) would
      // otherwise be caught up on, and charge this run's calls and rate ceiling.
      const dataDir = mkdtempSync(path.join(os.tmpdir(), "export-desk-bench-"));
      dataDirs.push(dataDir);
      const on = await measure(benchPort(3332), { DATA_DIR: dataDir });
      return {
        offStartP50Ms: off.startP50Ms,
        onStartP50Ms: on.startP50Ms,
        offCalls: off.upstreamCallsPerVisit,
        onCalls: on.upstreamCallsPerVisit,
        addedStartP50Ms: on.startP50Ms - off.startP50Ms,
        extraCalls: on.upstreamCallsPerVisit - off.upstreamCallsPerVisit,
      };
    });
    return {
      rows: [
        {
          target: "ledger off",
          startP50Ms: figures.offStartP50Ms.median,
          upstreamCallsPerVisit: figures.offCalls.median,
        },
        {
          target: "ledger on (embedded PGlite)",
          startP50Ms: figures.onStartP50Ms.median,
          upstreamCallsPerVisit: figures.onCalls.median,
        },
      ],
      targets: [
        judged("ledger: added p50 of starting a run (ms)", figures.addedStartP50Ms, "≤ 2", (v) => v <= 2),
        judged(
          "ledger: extra upstream calls of one visit (access check + catch-up)",
          figures.extraCalls,
          "≤ 2",
          (v) => v <= 2,
        ),
      ],
    };
  } finally {
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }
}
