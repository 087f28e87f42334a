import { spawn } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRuns } from "@/lib/ledger/query-runs";
import { rowsOf } from "./database";
import { createTestDatabase, ENGINES } from "./testing/test-databases";

const root = path.resolve(__dirname, "..", "..");
const writer = path.join(__dirname, "testing", "crash-writer.ts");
const WRITES_BEFORE_KILL = 40;

/** Starts the writer, waits until it has committed `writes` runs, kills it with SIGKILL mid-loop; returns the last commit it reported. */
function writeThenKill(engine: string, location: string, writes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx as a loader: the tsx command would run the script in a grandchild that SIGKILL does not reach.
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", writer, engine, location], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let committed = 0;
    let stderr = "";
    let buffered = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) committed = Math.max(committed, Number(line.replace("committed ", "")) || 0);
      if (committed >= writes && child.exitCode === null && !child.killed) child.kill("SIGKILL");
    });
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve(committed);
      else reject(new Error(`the writer stopped by itself (${code}): ${stderr.slice(0, 2000)}`));
    });
  });
}

describe.each(ENGINES)("a server killed with SIGKILL while recording, on %s", (engine) => {
  it("restarts with an intact ledger holding every run it had committed", { timeout: 60_000 }, async () => {
    const test = await createTestDatabase(engine);
    try {
      // The writer must be the only process with the PGlite folder open.
      await test.database.close();
      const location = engine === "postgres" ? `${test.location}?application_name=crash-writer` : test.location;
      const committed = await writeThenKill(engine, location, WRITES_BEFORE_KILL);
      expect(committed).toBeGreaterThanOrEqual(WRITES_BEFORE_KILL);

      const { db } = await test.reopen();
      if (engine === "postgres") {
        // A killed client's backend may still finish its last statement; end it (waiting up to 10 s) before counting.
        await db.execute(sql`select pg_terminate_backend(pid, 10000) from pg_stat_activity
          where datname = current_database() and application_name = 'crash-writer'`);
      }
      const scope = { tenantId: "crash-tenant", workspaceId: "crash-workspace", modelId: "crash-model" };
      const [counts] = rowsOf<{
        runs: number;
        max_n: number;
        transitions: number;
        orphans: number;
        duplicates: number;
      }>(
        await db.execute(sql`select
          (select count(*)::int from runs) as runs,
          (select max(substring(task_id from 6)::int) from runs) as max_n,
          (select count(*)::int from run_transitions) as transitions,
          (select count(*)::int from run_transitions t left join runs r on r.id = t.run_id where r.id is null) as orphans,
          (select count(*)::int from (select task_id from runs group by task_id having count(*) > 1) d) as duplicates`),
      );
      expect(counts!.runs).toBeGreaterThanOrEqual(committed);
      expect(counts!.runs).toBe(counts!.max_n);
      expect(counts!.orphans).toBe(0);
      expect(counts!.duplicates).toBe(0);
      expect(counts!.transitions).toBeGreaterThanOrEqual(committed);
      // The indexes agree with the table, and the ledger keeps recording after the restart.
      const all = (await queryRuns(db, scope, { limit: 500 })).runs;
      expect(all).toHaveLength(counts!.runs);
      expect(all.every((run) => run.startedBy?.email === "ada@example.com")).toBe(true);
      // Only the newest run may have been cut off between its start and its first observation.
      expect(all.slice(1).every((run) => run.outcome === "running")).toBe(true);
      await db.execute(sql`insert into runs (tenant_id, workspace_id, model_id, task_id, export_id, export_name, started_at, outcome)
        values ('crash-tenant', 'crash-workspace', 'crash-model', 'after-restart', '116000000001', 'Revenue', now(), 'queued')`);
      expect((await queryRuns(db, scope, { limit: 500 })).runs).toHaveLength(counts!.runs + 1);
    } finally {
      await test.drop();
    }
  });
});
