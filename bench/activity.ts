import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SEED } from "../sim/seed/ids";
import { formatSpread, repeated } from "./support/repeat";
import { benchPort, signIn, startAppBeside, type Stack } from "./support/stack";
import { judged } from "./support/targets";

const activityPath = `/api/workspaces/${SEED.workspaces.finance}/models/${SEED.models.bigCatalogue}/tasks`;
const ledgerWarmUpPath = `/api/workspaces/${SEED.workspaces.finance}/models/${SEED.models.fpa}/runs`;
const SWEEP_WATCH_MS = 10_000;

/**
 * P7: the first open of Model activity on the 5,000-export model, by a person on a freshly started app (nothing
 * known of the model yet): upstream calls made by the time the answer arrives, the time to the answer, and the calls of the
 * slow background sweep over the next 10 s. Each run starts its own app server, so every run is a first open.
 */
export async function activityFirstOpen(stack: Stack) {
  const figures = await repeated(async (run) => {
    // Its own ledger folder: the stack's app holds the default one.
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "export-desk-bench-"));
    const app = await startAppBeside(stack, benchPort(3340 + run), { DATA_DIR: dataDir });
    try {
      await stack.control.reset();
      const cookie = await signIn(app.url);
      // The embedded ledger opens in the background at start-up (seconds on a busy machine): wait for it through
      // another model's runs, so the figure is activity's first open, not the app's start.
      const runs = await fetch(`${app.url}${ledgerWarmUpPath}`, { headers: { Cookie: cookie } });
      if (!runs.ok) throw new Error(`runs answered ${runs.status}`);
      await stack.control.clearRequests();
      const started = performance.now();
      const response = await fetch(`${app.url}${activityPath}`, { headers: { Cookie: cookie } });
      await response.arrayBuffer();
      const ms = performance.now() - started;
      if (!response.ok) throw new Error(`activity answered ${response.status}`);
      const calls = (await stack.control.requests()).length;
      await new Promise((r) => setTimeout(r, SWEEP_WATCH_MS));
      const sweepCalls = (await stack.control.requests()).length - calls;
      return { calls, ms, sweepPerSecond: sweepCalls / (SWEEP_WATCH_MS / 1000) };
    } finally {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
  return {
    rows: [
      {
        figure: "activity first open, 5,000-export model",
        upstreamCallsAtAnswer: formatSpread(figures.calls, 0),
        msToAnswer: formatSpread(figures.ms, 0),
        sweepCallsPerSecondAfter: formatSpread(figures.sweepPerSecond, 1),
        runs: figures.ms.runs.length,
      },
    ],
    targets: [
      judged("activity first open (5,000 exports): upstream calls", figures.calls, "≤ 60", (v) => v <= 60),
      judged("activity first open (5,000 exports): ms to the answer", figures.ms, "< 1000", (v) => v < 1000),
    ],
  };
}
