/**
 * Child process of `npm run bench -- ledger` (run with --conditions=react-server, as lib/ code expects): measures one
 * engine and prints one JSON line. Usage: node --import tsx --conditions=react-server ledger-measure.ts <pglite|postgres>
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { rowsOf, type Engine } from "../../lib/db/database";
import { createTestDatabase } from "../../lib/db/testing/test-databases";
import { decodeCursor } from "../../lib/ledger/cursor";
import { queryRuns } from "../../lib/ledger/query-runs";
import { insertRuns } from "../../lib/ledger/testing/bulk";
import { median } from "./repeat";
import { otherModel, scope } from "../../lib/ledger/testing/fixtures";

const RUNS_IN_MODEL = 100_000;
const SAMPLES = 300;

async function p50(work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await work(); // warm-up: plans and caches
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

const folderBytes = (dir: string) => Number(execFileSync("du", ["-sb", dir]).toString().split("\t")[0]);

async function main(): Promise<void> {
  const engine = process.argv[2] as Engine;
  const test = await createTestDatabase(engine);
  try {
    const { db } = test.database;
    const emptyBytes = engine === "pglite" ? folderBytes(test.location) : 0;
    await insertRuns(db, otherModel, 5_000, 1);
    await insertRuns(db, scope, RUNS_IN_MODEL, 5_001);
    // Three states seen per run, as a real run leaves behind.
    await db.execute(sql`insert into run_transitions (run_id, outcome, task_state, seen_at)
      select r.id, s.outcome, s.state, r.started_at from runs r
      cross join (values ('queued', 'NOT_STARTED'), ('running', 'IN_PROGRESS')) s(outcome, state)
      union all select id, outcome, 'COMPLETE', finished_at from runs`);
    await db.execute(sql`checkpoint`);
    const runsInDatabase = RUNS_IN_MODEL + 5_000;
    const bytesPer100k =
      engine === "pglite" ? ((folderBytes(test.location) - emptyBytes) / runsInDatabase) * 100_000 : null;
    const [sizes] = rowsOf<{ tables: number; wal: number }>(
      await db.execute(sql`select (pg_total_relation_size('runs') + pg_total_relation_size('run_transitions')
        + pg_total_relation_size('downloads'))::float8 as tables, 0::float8 as wal`),
    );
    const tableBytesPer100k = (sizes!.tables / runsInDatabase) * 100_000;
    const walBytes = engine === "pglite" ? folderBytes(path.join(test.location, "pg_wal")) : null;

    const w = scope.workspaceId.toLowerCase();
    const m = scope.modelId.toLowerCase();
    const bare = () =>
      db.execute(sql`select * from runs where tenant_id = ${scope.tenantId} and workspace_id = ${w} and model_id = ${m}
        order by started_at desc nulls last, id desc nulls last limit 51`);
    const deepCursor = (await queryRuns(db, scope, { limit: 500 })).next!;
    const cursor = decodeCursor(deepCursor);
    const bareAfter = () =>
      db.execute(sql`select * from runs where tenant_id = ${scope.tenantId} and workspace_id = ${w} and model_id = ${m}
        and (started_at, id) < (${new Date(cursor.startedAtMs).toISOString()}::timestamptz, ${cursor.id})
        order by started_at desc nulls last, id desc nulls last limit 51`);

    const result = {
      engine,
      runsInModel: RUNS_IN_MODEL,
      firstPage: { queryRuns: await p50(() => queryRuns(db, scope, { limit: 50 })), bare: await p50(bare) },
      laterPage: {
        queryRuns: await p50(() => queryRuns(db, scope, { limit: 50, cursor })),
        bare: await p50(bareAfter),
      },
      oneExport: await p50(() => queryRuns(db, scope, { limit: 50, exportId: "116000000007" })),
      byStarter: await p50(() => queryRuns(db, scope, { limit: 50, by: "user3@example.com" })),
      bytesPer100k,
      tableBytesPer100k,
      walBytes,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await test.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
