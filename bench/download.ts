import { SEED } from "../sim/seed/ids";
import { sampleRss, startService, treeRss } from "./support/processes";
import { repeated } from "./support/repeat";
import { benchPort, directToken, exportPath, signIn, type Stack } from "./support/stack";
import { judged } from "./support/targets";

const MiB = 1024 * 1024;
const SIZES = [200 * MiB, 2048 * MiB];

/** Reads up to `limit` bytes of a response body, then cancels the rest. */
async function read(
  url: string,
  headers: Record<string, string>,
  limit: number,
): Promise<{ bytes: number; seconds: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
  const reader = response.body.getReader();
  let bytes = 0;
  while (bytes < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  await reader.cancel();
  return { bytes, seconds: (performance.now() - started) / 1000 };
}

async function runExport(stack: Stack, cookie: string, exportId: string): Promise<void> {
  const base = `${stack.app.url}/api${exportPath(exportId)}/tasks`;
  const headers = {
    Cookie: cookie,
    "Content-Type": "application/json",
    "X-Export-Desk-CSRF": "1",
    Origin: stack.app.url,
  };
  const started = await fetch(base, { method: "POST", headers, body: JSON.stringify({ localeName: "en_US" }) });
  const { task } = (await started.json()) as { task: { taskId: string } };
  for (;;) {
    const poll = await fetch(`${base}/${task.taskId}`, { headers: { Cookie: cookie } });
    const body = (await poll.json()) as { task: { taskState: string } };
    if (body.task.taskState === "COMPLETE") return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** 2. Download streaming: a multi-GiB result through the BFF against the same file straight from the simulator. */
export async function downloadStreaming(stack: Stack) {
  await stack.control.configure({ taskDurationMs: 1000 });
  const cookie = await signIn(stack.app.url);
  const token = await directToken(stack.sim.url);
  await runExport(stack, cookie, SEED.exports.huge);

  const filePath = `/workspaces/${SEED.workspaces.finance}/models/${SEED.models.fpa}/files/${SEED.exports.huge}`;
  // On two cores, any proxy competes with the generator and the reader: the plain Node pipe shows that cost.
  const proxy = await startService("pass-through proxy", process.execPath, ["bench/support/passthrough-proxy.mjs"], {
    port: benchPort(3311),
    healthPath: "/health",
    env: { PORT: String(benchPort(3311)), UPSTREAM_URL: stack.sim.url, UPSTREAM_TOKEN: token },
  });
  try {
    const figures = await repeated(async () => {
      const run: Record<string, number> = {};
      for (const size of SIZES) {
        const mib = size / MiB;
        const direct = await read(
          `${stack.sim.url}/2/0${filePath}`,
          { Authorization: `AnaplanAuthToken ${token}` },
          size,
        );
        const piped = await read(`${proxy.url}/api${filePath}`, {}, size);
        await new Promise((r) => setTimeout(r, 1000));
        const idle = treeRss(stack.app.pid);
        const sampler = sampleRss(stack.app.pid);
        const viaBff = await read(
          `${stack.app.url}/api${exportPath(SEED.exports.huge)}/file`,
          { Cookie: cookie },
          size,
        );
        const peak = sampler.stop();
        run[`direct${mib}`] = direct.bytes / MiB / direct.seconds;
        run[`pipe${mib}`] = piped.bytes / MiB / piped.seconds;
        run[`bff${mib}`] = viaBff.bytes / MiB / viaBff.seconds;
        run[`ratio${mib}`] = viaBff.bytes / viaBff.seconds / (direct.bytes / direct.seconds);
        run[`growth${mib}`] = (peak - idle) / MiB;
      }
      return run;
    });
    const rows = SIZES.map((size) => {
      const mib = size / MiB;
      const median = (key: string) => figures[`${key}${mib}`]!.median;
      return {
        sizeMiB: mib,
        directMiBps: median("direct"),
        nodePipeMiBps: median("pipe"),
        bffMiBps: median("bff"),
        ratio: median("ratio"),
        ratioMin: figures[`ratio${mib}`]!.min,
        ratioMax: figures[`ratio${mib}`]!.max,
        growthMiB: median("growth"),
      };
    });
    const label = (mib: number) => (mib >= 1024 ? `${mib / 1024} GiB` : `${mib} MiB`);
    return {
      rows,
      targets: SIZES.flatMap((size) => {
        const mib = size / MiB;
        return [
          judged(
            `BFF download throughput vs direct, ${label(mib)}`,
            figures[`ratio${mib}`]!,
            "≥ 0.85",
            (v) => v >= 0.85,
          ),
          judged(
            `BFF memory growth while streaming ${label(mib)} (MiB)`,
            figures[`growth${mib}`]!,
            "< 64",
            (v) => v < 64,
          ),
        ];
      }),
    };
  } finally {
    await proxy.stop();
  }
}
