import autocannon from "autocannon";
import { SEED } from "../sim/seed/ids";
import { cpuMs, startService } from "./support/processes";
import { median, repeated } from "./support/repeat";
import { benchPort, directToken, exportPath, signIn, type Stack } from "./support/stack";
import { context, judged } from "./support/targets";

const PROXY_PORT = benchPort(3311);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
/**
 * The judged figures compare the BFF with the empty route, so those two are measured in alternating rounds (the
 * order flipped each round) and each figure is the median over the rounds: a slow spell of this shared machine then
 * falls on both sides instead of on one.
 */
const ROUNDS = 3;
const SEQUENTIAL_PER_ROUND = 400;

const TARGETS = {
  sim: "simulator (direct)",
  node: "minimal Node proxy",
  bff: "Export Desk BFF (polled task list)",
  empty: "Next.js empty route (/api/health)",
} as const;
type Name = keyof typeof TARGETS;

async function requestsPerSecond(url: string, headers: Record<string, string>, connections: number): Promise<number> {
  // Warm up JITs and connection pools before measuring.
  await autocannon({ url, headers, connections, duration: 1 });
  const result = await autocannon({ url, headers, connections, duration: DURATION_S });
  if (result.errors + result.non2xx > 0) throw new Error(`${url}: ${result.errors + result.non2xx} failed requests`);
  return result.requests.average;
}

/**
 * Sequential requests timed one by one (autocannon's latencies are whole milliseconds, too coarse here), and the CPU
 * time the server spent on them when its process id is given.
 */
async function sequential(
  url: string,
  headers: Record<string, string>,
  serverPid?: number,
): Promise<{ times: number[]; cpuMs: number }> {
  const times: number[] = [];
  const cpuBefore = serverPid ? cpuMs(serverPid) : 0;
  for (let i = 0; i < SEQUENTIAL_PER_ROUND; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return { times, cpuMs: serverPid ? cpuMs(serverPid) - cpuBefore : 0 };
}

/**
 * 1. JSON proxy overhead: a polled task-list GET through the BFF against the framework's floor (an empty Next.js
 * route handler in the same server), the simulator directly and a minimal pass-through proxy.
 */
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
  const requests: Record<Name, [string, Record<string, string>]> = {
    sim: [`${stack.sim.url}/2/0${path}`, { Authorization: `AnaplanAuthToken ${token}` }],
    node: [`${proxy.url}/api${path}`, {}],
    bff: [`${stack.app.url}/api${path}`, { Cookie: cookie }],
    empty: [`${stack.app.url}/api/health`, {}],
  };
  const names = Object.keys(TARGETS) as Name[];
  try {
    const figures = await repeated(async () => {
      const run: Record<string, number> = {};
      for (const connections of [1, 32]) {
        for (const name of ["sim", "node"] as const)
          run[`${name}Rps${connections}`] = await requestsPerSecond(...requests[name], connections);
        const rps: Record<"bff" | "empty", number[]> = { bff: [], empty: [] };
        const ratios: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          for (const name of round % 2 ? (["empty", "bff"] as const) : (["bff", "empty"] as const))
            rps[name].push(await requestsPerSecond(...requests[name], connections));
          ratios.push(rps.bff[round]! / rps.empty[round]!);
        }
        run[`bffRps${connections}`] = median(rps.bff);
        run[`emptyRps${connections}`] = median(rps.empty);
        run[`vsEmpty${connections}`] = median(ratios);
      }
      const times: Record<Name | "plain", number[]> = { sim: [], node: [], bff: [], empty: [], plain: [] };
      const cpu = { bff: 0, empty: 0 };
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 ? [...names].reverse() : names;
        for (const name of order) {
          const pid = name === "bff" || name === "empty" ? stack.app.pid : undefined;
          const measured = await sequential(...requests[name], pid);
          times[name].push(...measured.times);
          if (name === "bff" || name === "empty") cpu[name] += measured.cpuMs;
        }
        // The plain Node server's own answer: what any HTTP round trip here costs.
        times.plain.push(...(await sequential(`${proxy.url}/health`, {})).times);
      }
      for (const name of [...names, "plain"] as const) run[`${name}P50`] = median(times[name]);
      run.bffCpu = cpu.bff / (ROUNDS * SEQUENTIAL_PER_ROUND);
      run.emptyCpu = cpu.empty / (ROUNDS * SEQUENTIAL_PER_ROUND);
      run.addedCpu = run.bffCpu - run.emptyCpu;
      run.vsNode32 = run.bffRps32! / run.nodeRps32!;
      run.addedP50 = run.bffP50! - run.simP50!;
      run.emptyCost = run.emptyP50! - run.plainP50!;
      run.addedOverEmpty = run.addedP50 - run.emptyCost;
      return run;
    });
    const row = (measure: string, connections: number, key: string) => {
      const { median, min, max } = figures[key]!;
      return { measure, connections, median, min, max };
    };
    const rows = [
      ...[1, 32].flatMap((c) => names.map((name) => row(`req/s: ${TARGETS[name]}`, c, `${name}Rps${c}`))),
      ...names.map((name) => row(`sequential p50 ms (precise): ${TARGETS[name]}`, 1, `${name}P50`)),
      row("sequential p50 ms (precise): plain Node server", 1, "plainP50"),
      row("server CPU ms per request: Export Desk BFF", 1, "bffCpu"),
      row("server CPU ms per request: Next.js empty route", 1, "emptyCpu"),
    ];
    return {
      rows,
      targets: [
        judged("BFF throughput vs an empty Next.js route (c=32)", figures.vsEmpty32!, "≥ 0.80", (v) => v >= 0.8),
        context("BFF throughput vs an empty Next.js route (c=1)", figures.vsEmpty1!),
        judged(
          "BFF added p50 over the simulator, beyond the empty route's own cost (ms, c=1)",
          figures.addedOverEmpty!,
          "≤ 1",
          (v) => v <= 1,
        ),
        context("BFF added p50 over the simulator (ms, c=1)", figures.addedP50!),
        context("empty Next.js route's own cost over a plain Node server (ms, c=1)", figures.emptyCost!),
        context("BFF throughput vs a minimal Node proxy (c=32)", figures.vsNode32!),
        context("server CPU per request, BFF beyond the empty route (ms)", figures.addedCpu!),
      ],
    };
  } finally {
    await proxy.stop();
  }
}
