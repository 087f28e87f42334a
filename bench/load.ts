/**
 * `npm run load`: 200 signed-in sessions, each polling the model activity endpoint and one export's task
 * list every 5 s for 2 minutes, against one production instance and the simulator. Reports errors,
 * p50/p99 latency, upstream requests per second, and the server's memory at the end against the start.
 * Not part of the test suite. Override with LOAD_SESSIONS, LOAD_SECONDS, LOAD_INTERVAL_MS.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SEED } from "../sim/seed/ids";
import { root, treeRss } from "./support/processes";
import { exportPath, signIn, startStack } from "./support/stack";

const SESSIONS = Number(process.env.LOAD_SESSIONS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 120);
const INTERVAL_MS = Number(process.env.LOAD_INTERVAL_MS ?? 5000);
const users = Object.keys(SEED.users) as (keyof typeof SEED.users)[];
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

async function main(): Promise<void> {
  if (!process.argv.includes("--no-build")) {
    const build = spawnSync("npm", ["run", "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const stack = await startStack();
  try {
    await stack.control.configure({ taskDurationMs: 60_000 });
    const cookies: string[] = [];
    for (let i = 0; i < SESSIONS; i++) cookies.push(await signIn(stack.app.url, users[i % users.length]!));
    // Some activity to watch: one running export per user.
    for (const cookie of cookies.slice(0, users.length)) {
      await fetch(`${stack.app.url}/api${exportPath(SEED.exports.revenueCsv)}/tasks`, {
        method: "POST",
        headers: {
          Cookie: cookie,
          "Content-Type": "application/json",
          "X-Export-Desk-CSRF": "1",
          Origin: stack.app.url,
        },
        body: JSON.stringify({ localeName: "en_US" }),
      });
    }
    const urls = [
      `${stack.app.url}/api/workspaces/${SEED.workspaces.finance}/models/${SEED.models.fpa}/tasks`,
      `${stack.app.url}/api${exportPath(SEED.exports.revenueCsv)}/tasks`,
    ];

    await new Promise((r) => setTimeout(r, 2000));
    const rssStart = treeRss(stack.app.pid);
    await stack.control.clearRequests();
    const latencies: number[] = [];
    const failures = new Map<string, number>();
    const deadline = Date.now() + SECONDS * 1000;

    async function session(cookie: string, offset: number): Promise<void> {
      await new Promise((r) => setTimeout(r, offset));
      while (Date.now() < deadline) {
        const tick = Date.now();
        await Promise.all(
          urls.map(async (url) => {
            const started = performance.now();
            try {
              const response = await fetch(url, { headers: { Cookie: cookie } });
              await response.arrayBuffer();
              if (!response.ok) failures.set(String(response.status), (failures.get(String(response.status)) ?? 0) + 1);
            } catch (error) {
              const key = error instanceof Error ? error.message : "error";
              failures.set(key, (failures.get(key) ?? 0) + 1);
            }
            latencies.push(performance.now() - started);
          }),
        );
        await new Promise((r) => setTimeout(r, Math.max(0, INTERVAL_MS - (Date.now() - tick))));
      }
    }
    // Spread the sessions over one interval, as real browsers would be.
    await Promise.all(cookies.map((cookie, i) => session(cookie, (i * INTERVAL_MS) / SESSIONS)));

    const requests = await stack.control.requests();
    await new Promise((r) => setTimeout(r, 2000));
    const rssEnd = treeRss(stack.app.pid);
    latencies.sort((a, b) => a - b);
    const figures = {
      sessions: SESSIONS,
      seconds: SECONDS,
      requests: latencies.length,
      errors: [...failures.values()].reduce((a, b) => a + b, 0),
      errorKinds: Object.fromEntries(failures),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      upstreamPerSecond: requests.length / SECONDS,
      rssStartMiB: rssStart / 1048576,
      rssEndMiB: rssEnd / 1048576,
    };
    console.table(
      Object.entries(figures).map(([measure, value]) => ({
        measure,
        value: typeof value === "object" ? JSON.stringify(value) : value,
      })),
    );
    mkdirSync(path.join(root, "bench", "results"), { recursive: true });
    writeFileSync(
      path.join(root, "bench", "results", "load.json"),
      JSON.stringify({ date: new Date().toISOString(), figures }, null, 2) + "\n",
    );
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
