import autocannon from "autocannon";
import { SEED } from "../sim/seed/ids";
import { startService } from "./support/processes";
import { benchPort, directToken, exportPath, signIn, type Stack } from "./support/stack";

const PROXY_PORT = benchPort(3311);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);

export interface LoadFigures {
  target: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

async function load(
  target: string,
  url: string,
  headers: Record<string, string>,
  connections: number,
): Promise<LoadFigures> {
  // Warm up JITs and connection pools before measuring.
  await autocannon({ url, headers, connections, duration: 2 });
  const result = await autocannon({ url, headers, connections, duration: DURATION_S });
  return {
    target,
    connections,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** Sequential requests timed one by one: autocannon's latencies are whole milliseconds, too coarse here. */
async function preciseP50(url: string, headers: Record<string, string>, count = 1500): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** 1. JSON proxy overhead: the BFF against the simulator directly and a minimal pass-through proxy. */
export async function proxyOverhead(stack: Stack) {
  const path = `${exportPath(SEED.exports.revenueCsv)}/tasks`;
  const token = await directToken(stack.sim.url);
  const cookie = await signIn(stack.app.url);
  // A few tasks so the list has realistic content.
  await fetch(`${stack.app.url}/api${path}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json", "X-Export-Desk-CSRF": "1", Origin: stack.app.url },
    body: JSON.stringify({ localeName: "en_US" }),
  });
  const proxy = await startService("pass-through proxy", process.execPath, ["bench/support/passthrough-proxy.mjs"], {
    port: PROXY_PORT,
    healthPath: "/health",
    env: { PORT: String(PROXY_PORT), UPSTREAM_URL: stack.sim.url, UPSTREAM_TOKEN: token },
  });
  const rows: LoadFigures[] = [];
  try {
    for (const connections of [1, 32]) {
      rows.push(
        await load(
          "simulator (direct)",
          `${stack.sim.url}/2/0${path}`,
          { Authorization: `AnaplanAuthToken ${token}` },
          connections,
        ),
      );
      rows.push(await load("minimal Node proxy", `${proxy.url}/api${path}`, {}, connections));
      rows.push(await load("Export Desk BFF", `${stack.app.url}/api${path}`, { Cookie: cookie }, connections));
      // The framework's own floor: a Next.js route handler that does nothing (no session, no upstream).
      rows.push(await load("Next.js empty route (/api/health)", `${stack.app.url}/api/health`, {}, connections));
    }
  } finally {
    await proxy.stop();
  }
  const find = (target: string, c: number) => rows.find((r) => r.target === target && r.connections === c)!;
  const throughputRatio32 =
    find("Export Desk BFF", 32).requestsPerSecond / find("minimal Node proxy", 32).requestsPerSecond;
  const throughputRatio1 =
    find("Export Desk BFF", 1).requestsPerSecond / find("minimal Node proxy", 1).requestsPerSecond;
  const directP50 = await preciseP50(`${stack.sim.url}/2/0${path}`, { Authorization: `AnaplanAuthToken ${token}` });
  const bffP50 = await preciseP50(`${stack.app.url}/api${path}`, { Cookie: cookie });
  rows.push({
    target: "sequential p50 (precise): simulator",
    connections: 1,
    requestsPerSecond: 0,
    p50Ms: directP50,
    p99Ms: 0,
    errors: 0,
  });
  rows.push({
    target: "sequential p50 (precise): BFF",
    connections: 1,
    requestsPerSecond: 0,
    p50Ms: bffP50,
    p99Ms: 0,
    errors: 0,
  });
  const addedP50Ms = bffP50 - directP50;
  const vsFrameworkFloor32 =
    find("Export Desk BFF", 32).requestsPerSecond / find("Next.js empty route (/api/health)", 32).requestsPerSecond;
  return {
    rows,
    figures: { throughputRatio1, throughputRatio32, addedP50Ms, vsFrameworkFloor32 },
    targets: [
      {
        name: "BFF throughput vs minimal proxy (c=32)",
        value: throughputRatio32,
        target: "≥ 0.50",
        met: throughputRatio32 >= 0.5,
      },
      {
        name: "BFF throughput vs minimal proxy (c=1)",
        value: throughputRatio1,
        target: "≥ 0.50",
        met: throughputRatio1 >= 0.5,
      },
      { name: "BFF added p50 latency at c=1 (ms)", value: addedP50Ms, target: "< 2", met: addedP50Ms < 2 },
      {
        name: "(context) BFF throughput vs an empty Next.js route (c=32)",
        value: vsFrameworkFloor32,
        target: "—",
        met: true,
      },
    ],
  };
}
