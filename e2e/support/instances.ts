import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { SIM_URL } from "./env";

const root = path.join(__dirname, "..", "..");

export interface Instance {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Another standalone server of the production build, beside the one Playwright starts. */
export async function startInstance(port: number, env: Record<string, string>): Promise<Instance> {
  const url = `http://127.0.0.1:${port}`;
  // Without DATABASE_URL each instance has an embedded ledger of its own (one process per PGlite folder).
  const dataDir = path.join(root, "test-results", `instance-data-${port}`);
  rmSync(dataDir, { recursive: true, force: true });
  const child = spawn(process.execPath, [".next/standalone/start.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      ANAPLAN_API_URL: `${SIM_URL}/2/0`,
      ANAPLAN_AUTH_URL: SIM_URL,
      ANAPLAN_OAUTH_URL: SIM_URL,
      DATA_DIR: dataDir,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance on ${port} exited: ${output.slice(-500)}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // starting
    }
    if (Date.now() > deadline) throw new Error(`instance on ${port} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** A small round-robin load balancer: each request goes to the next instance in turn. */
export function startRoundRobin(
  port: number,
  targets: string[],
): Promise<{ url: string; served: string[]; stop(): Promise<void> }> {
  const served: string[] = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    const target = new URL(targets[next++ % targets.length]!);
    served.push(target.origin);
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        served,
        stop: () => new Promise<void>((r) => server.close(() => r())),
      }),
    ),
  );
}
