/**
 * `npx tsx bench/ab.ts <other checkout> [path]`: this checkout's production server against another's (both built),
 * side by side on one simulator, on a polled BFF GET: server CPU per request and requests per second at c=32,
 * alternating between the two three times so a busy machine slows both alike. For before/after figures of a change.
 */
import autocannon from "autocannon";
import path from "node:path";
import { SEED } from "../sim/seed/ids";
import { bin, cpuMs, startService, type Service } from "./support/processes";
import { spreadOf, formatSpread } from "./support/repeat";
import { appEnv, benchPort, exportPath, SIM_PORT, signIn } from "./support/stack";

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);

function app(checkout: string, port: number, simUrl: string): Promise<Service> {
  return startService(`app in ${checkout}`, process.execPath, [path.join(checkout, ".next/standalone/start.mjs")], {
    port,
    healthPath: "/api/health",
    cwd: path.join(checkout, ".next/standalone"),
    env: appEnv(simUrl, port),
  });
}

async function measure(service: Service, target: string, cookie: string) {
  const url = `${service.url}/api${target}`;
  const headers = { Cookie: cookie };
  const before = cpuMs(service.pid);
  const count = 1000;
  for (let i = 0; i < count; i++) await (await fetch(url, { headers })).arrayBuffer();
  const cpu = (cpuMs(service.pid) - before) / count;
  await autocannon({ url, headers, connections: 32, duration: 1 });
  const result = await autocannon({ url, headers, connections: 32, duration: DURATION_S });
  if (result.errors + result.non2xx > 0) throw new Error(`${url}: failed requests`);
  return { cpu, rps: result.requests.average };
}

async function main(): Promise<void> {
  const other = path.resolve(process.argv[2] ?? "");
  const target = process.argv[3] ?? `${exportPath(SEED.exports.revenueCsv)}/tasks`;
  const sim = await startService("simulator", bin("tsx"), ["sim/main.ts"], {
    port: SIM_PORT,
    healthPath: "/__sim/health",
    env: { SIM_PORT: String(SIM_PORT), SIM_HOST: "127.0.0.1" },
  });
  const here = await app(process.cwd(), benchPort(3341), sim.url);
  const there = await app(other, benchPort(3342), sim.url);
  try {
    const sides = [
      {
        name: `other (${other})`,
        service: there,
        cookie: await signIn(there.url),
        cpu: [] as number[],
        rps: [] as number[],
      },
      {
        name: "this checkout",
        service: here,
        cookie: await signIn(here.url),
        cpu: [] as number[],
        rps: [] as number[],
      },
    ];
    for (let run = 0; run < 3; run++)
      for (const side of sides) {
        const { cpu, rps } = await measure(side.service, target, side.cookie);
        side.cpu.push(cpu);
        side.rps.push(rps);
      }
    for (const side of sides)
      console.log(
        `${side.name}: server CPU ms/request ${formatSpread(spreadOf(side.cpu), 3)}; req/s at c=32 ${formatSpread(spreadOf(side.rps), 0)}`,
      );
  } finally {
    await here.stop();
    await there.stop();
    await sim.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
