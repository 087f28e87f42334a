import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repeated } from "./support/repeat";
import { benchPort, signIn, startAppBeside, type Stack } from "./support/stack";
import { context } from "./support/targets";

/**
 * What agreeing through the database costs a request: the same app on the embedded database (each instance keeps
 * sign-outs and refreshes in memory) against one on a PostgreSQL server (DATABASE_URL: every request also asks the
 * database whether its session was signed out). Measured on GET /api/session, which is only the session path.
 */
const ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

async function p50Sequential(url: string, cookie: string, count = 1_000): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await (await fetch(url, { headers: { Cookie: cookie } })).arrayBuffer();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function throughput(url: string, cookie: string): Promise<number> {
  await autocannon({ url, headers: { Cookie: cookie }, connections: 32, duration: 2 });
  return (await autocannon({ url, headers: { Cookie: cookie }, connections: 32, duration: DURATION_S })).requests
    .average;
}

async function measure(stack: Stack, port: number, env: Record<string, string>) {
  const app = await startAppBeside(stack, port, env);
  try {
    const cookie = await signIn(app.url);
    const url = `${app.url}/api/session`;
    return { p50Ms: await p50Sequential(url, cookie), requestsPerSecond: await throughput(url, cookie) };
  } finally {
    await app.stop();
  }
}

export async function sharedSessions(stack: Stack) {
  const name = `export_desk_bench_${randomBytes(6).toString("hex")}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "export-desk-bench-"));
  await admin(`create database ${name}`);
  try {
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const figures = await repeated(async () => {
      const embedded = await measure(stack, benchPort(3321), { DATA_DIR: dataDir });
      const shared = await measure(stack, benchPort(3322), { DATABASE_URL: url.toString() });
      return {
        embeddedP50: embedded.p50Ms,
        embeddedRps: embedded.requestsPerSecond,
        sharedP50: shared.p50Ms,
        sharedRps: shared.requestsPerSecond,
        addedP50Ms: shared.p50Ms - embedded.p50Ms,
        ratio32: shared.requestsPerSecond / embedded.requestsPerSecond,
      };
    });
    return {
      rows: [
        {
          target: "embedded database (per-process memory)",
          p50Ms: figures.embeddedP50.median,
          requestsPerSecond: figures.embeddedRps.median,
        },
        {
          target: "PostgreSQL (shared sign-outs and refreshes)",
          p50Ms: figures.sharedP50.median,
          requestsPerSecond: figures.sharedRps.median,
        },
      ],
      targets: [
        context("shared session checks: added p50 at c=1 (ms)", figures.addedP50Ms),
        context("shared session checks: throughput vs embedded (c=32)", figures.ratio32),
      ],
    };
  } finally {
    await admin(`drop database if exists ${name} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
