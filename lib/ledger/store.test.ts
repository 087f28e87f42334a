import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/lib/db/database";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/lib/db/testing/test-databases";
import { markChecked, staleActiveRuns } from "./catch-up";
import { exportHistory, median } from "./history";
import { pruneLedger } from "./prune";
import { queryRuns } from "./query-runs";
import { recordCancelRequested } from "./record-cancel";
import { recordDownloadFinished, recordDownloadStarted } from "./record-download";
import { recordObservations } from "./record-observations";
import { recordRunStarted } from "./record-start";
import { parseRunsQuery } from "./runs-query";
import { startedByFor } from "./started-by";
import { cancelledByFor } from "./cancelled-by";
import {
  ada,
  at,
  EXPORT,
  failed,
  grace,
  otherModel,
  otherTenant,
  scope,
  succeeded,
  task,
  taskId,
} from "./testing/fixtures";

describe.each(ENGINES)("the ledger store on %s", (engine) => {
  let test: TestDatabase;
  const db = () => test.database.db;
  // Each test uses its own model, so tests do not see each other's rows.
  let n = 0;
  const fresh = () => ({ ...scope, modelId: `${(++n).toString(16).padStart(2, "0")}${scope.modelId.slice(2)}` });

  beforeAll(async () => {
    test = await createTestDatabase(engine);
  }, 60_000);
  afterAll(async () => {
    await test.drop();
  });

  async function count(table: string, s = scope): Promise<number> {
    const result = await db().execute(
      table === "runs"
        ? sql`select count(*)::int as n from runs where model_id = ${s.modelId.toLowerCase()}`
        : sql`select count(*)::int as n from run_transitions t join runs r on r.id = t.run_id
            where r.model_id = ${s.modelId.toLowerCase()}`,
    );
    return rowsOf<{ n: number }>(result)[0]!.n;
  }

  it("answers a run started here in exactly the contract's shape, through its states to success and a download", async () => {
    const s = fresh();
    await recordRunStarted(db(), {
      ...s,
      exportId: EXPORT.id,
      exportName: EXPORT.name,
      taskId: taskId(1),
      locale: "en_US",
      startedBy: ada,
      at: at(1),
    });
    await recordObservations(db(), s, EXPORT.id, EXPORT.name, [task(1, "NOT_STARTED")], at(2));
    await recordObservations(db(), s, EXPORT.id, EXPORT.name, [task(1, "IN_PROGRESS", { progress: 0.5 })], at(3));
    await recordObservations(db(), s, EXPORT.id, EXPORT.name, [succeeded(1)], at(5));
    await recordObservations(db(), s, EXPORT.id, EXPORT.name, [succeeded(1)], at(6));
    const download = await recordDownloadStarted(db(), s, { exportId: EXPORT.id, by: ada, at: at(7) });
    await recordDownloadFinished(db(), download, { bytes: 12_345, complete: true, at: at(8) });

    const page = await queryRuns(db(), s);
    expect(page).toEqual({
      next: null,
      runs: [
        {
          taskId: taskId(1),
          exportId: EXPORT.id,
          exportName: EXPORT.name,
          startedBy: { email: ada.email, name: ada.name },
          startedAt: at(1).toISOString(),
          finishedAt: at(5).toISOString(),
          outcome: "succeeded",
          durationMs: 4 * 60_000,
          failure: null,
          cancelledBy: null,
          downloads: [
            { by: { email: ada.email, name: ada.name }, at: at(7).toISOString(), bytes: 12_345, complete: true },
          ],
        },
      ],
    });
    expect(Object.keys(page.runs[0]!)).toEqual([
      "taskId",
      "exportId",
      "exportName",
      "startedBy",
      "startedAt",
      "finishedAt",
      "outcome",
      "durationMs",
      "failure",
      "cancelledBy",
      "downloads",
    ]);
    const transitions = rowsOf<{ outcome: string; task_state: string; seen_at: Date | string }>(
      await db()
        .execute(sql`select t.outcome, t.task_state, t.seen_at from run_transitions t join runs r on r.id = t.run_id
        where r.model_id = ${s.modelId.toLowerCase()} order by t.seen_at`),
    );
    expect(transitions.map((t) => [t.outcome, t.task_state, new Date(t.seen_at).toISOString()])).toEqual([
      ["queued", "NOT_STARTED", at(2).toISOString()],
      ["running", "IN_PROGRESS", at(3).toISOString()],
      ["succeeded", "COMPLETE", at(5).toISOString()],
    ]);
  });

  it("records tasks started outside Export Desk with startedBy null, and Anaplan's first failure message", async () => {
    const s = fresh();
    await recordObservations(
      db(),
      s,
      EXPORT.id,
      EXPORT.name,
      [failed(3, "Model is locked."), task(4, "CANCELLED", { result: { successful: false } })],
      at(10),
    );
    const { runs } = await queryRuns(db(), s);
    expect(runs.map((r) => [r.taskId, r.startedBy, r.startedAt, r.outcome, r.failure, r.finishedAt])).toEqual([
      [taskId(4), null, at(4).toISOString(), "cancelled", null, at(10).toISOString()],
      [taskId(3), null, at(3).toISOString(), "failed", "Model is locked.", at(10).toISOString()],
    ]);
    // A start recorded after the task list saw the task still says who started it.
    await recordRunStarted(db(), {
      ...s,
      exportId: EXPORT.id,
      exportName: EXPORT.name,
      taskId: taskId(3),
      locale: null,
      startedBy: grace,
      at: at(3),
    });
    expect(await startedByFor(db(), s, [taskId(3), taskId(4), taskId(99)])).toEqual(
      new Map([
        [taskId(3), { email: grace.email, name: grace.name }],
        [taskId(4), null],
      ]),
    );
  });

  it("never moves a run back when an older observation arrives late, and keeps the first finish time", async () => {
    const s = fresh();
    await recordObservations(db(), s, EXPORT.id, EXPORT.name, [task(5, "COMPLETE", { progress: 1 })], at(20));
    expect((await queryRuns(db(), s)).runs[0]).toMatchObject({ outcome: "unknown", finishedAt: at(20).toISOString() });
    await recordObservations(db(), s, EXPORT.id, EXPORT.name, [task(5, "IN_PROGRESS", { progress: 0.2 })], at(21));
    await recordObservations(db(), s, EXPORT.id, EXPORT.name, [succeeded(5)], at(22));
    await recordObservations(db(), s, EXPORT.id, EXPORT.name, [task(5, "IN_PROGRESS", { progress: 0.3 })], at(23));
    expect((await queryRuns(db(), s)).runs[0]).toMatchObject({
      outcome: "succeeded",
      finishedAt: at(20).toISOString(),
    });
  });

  it("writes one row and one transition when ten callers observe the same task at once", async () => {
    const s = fresh();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        recordObservations(db(), s, EXPORT.id, EXPORT.name, [task(6, "IN_PROGRESS")], at(30 + i)),
      ),
    );
    expect(await count("runs", s)).toBe(1);
    expect(await count("transitions", s)).toBe(1);
  });

  it("remembers who asked to cancel, once, and knows when it does not know the run", async () => {
    const s = fresh();
    await recordObservations(db(), s, EXPORT.id, EXPORT.name, [task(7, "IN_PROGRESS")], at(40));
    expect(await recordCancelRequested(db(), s, taskId(7), ada, at(41))).toBe(true);
    expect(await recordCancelRequested(db(), s, taskId(7), grace, at(42))).toBe(true);
    expect(await recordCancelRequested(db(), s, taskId(8), grace, at(42))).toBe(false);
    await recordObservations(db(), s, EXPORT.id, EXPORT.name, [task(7, "CANCELLED")], at(43));
    expect((await queryRuns(db(), s)).runs[0]).toMatchObject({
      outcome: "cancelled",
      cancelledBy: { email: ada.email, name: ada.name },
    });
    // Live task lists name the canceller from here; runs nobody cancelled have no entry.
    await recordObservations(db(), s, EXPORT.id, EXPORT.name, [task(6, "IN_PROGRESS")], at(44));
    expect(await cancelledByFor(db(), s, [taskId(7), taskId(6), taskId(8)])).toEqual(new Map([[taskId(7), ada.name]]));
  });

  it("records a download cut off part way, attached to the task it names", async () => {
    const s = fresh();
    await recordObservations(db(), s, EXPORT.id, EXPORT.name, [succeeded(9), succeeded(10)], at(50));
    const id = await recordDownloadStarted(db(), s, { taskId: taskId(9), exportId: EXPORT.id, by: ada, at: at(51) });
    await recordDownloadFinished(db(), id, { bytes: 999, complete: false, at: at(52) });
    const { runs } = await queryRuns(db(), s);
    expect(runs.map((r) => [r.taskId, r.downloads])).toEqual([
      [taskId(10), []],
      [
        taskId(9),
        [{ by: { email: ada.email, name: ada.name }, at: at(51).toISOString(), bytes: 999, complete: false }],
      ],
    ]);
  });

  it("keeps tenants and models apart", async () => {
    await recordObservations(db(), otherModel, EXPORT.id, EXPORT.name, [task(11, "IN_PROGRESS")], at(1));
    await recordObservations(db(), otherTenant, EXPORT.id, EXPORT.name, [task(12, "IN_PROGRESS")], at(1));
    expect((await queryRuns(db(), otherModel)).runs.map((r) => r.taskId)).toEqual([taskId(11)]);
    expect((await queryRuns(db(), otherTenant)).runs.map((r) => r.taskId)).toEqual([taskId(12)]);
    expect((await startedByFor(db(), otherModel, [taskId(12)])).size).toBe(0);
    // Ids from a link in another case are the same model.
    expect((await queryRuns(db(), { ...otherModel, modelId: otherModel.modelId.toLowerCase() })).runs).toHaveLength(1);
  });

  it("pages newest first with a cursor, without repeating or skipping runs started at the same instant", async () => {
    const s = fresh();
    const tasks = Array.from({ length: 7 }, (_, i) => ({
      ...task(100 + i, "IN_PROGRESS"),
      creationTime: at(i < 4 ? 0 : i).getTime(),
    }));
    await recordObservations(db(), s, EXPORT.id, EXPORT.name, tasks, at(59));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query = parseRunsQuery(new URLSearchParams(cursor ? { limit: "3", cursor } : { limit: "3" }));
      const page = await queryRuns(db(), s, query);
      seen.push(...page.runs.map((r) => r.taskId));
      cursor = page.next;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const all = (await queryRuns(db(), s, { limit: 500 })).runs;
    expect(all.map((r) => r.taskId)).toEqual(seen);
    expect(all.map((r) => r.startedAt)).toEqual([...all.map((r) => r.startedAt)].sort().reverse());
  });

  it("filters by export, starter (any case), outcome and start time", async () => {
    const s = fresh();
    const other = "116000000002";
    await recordRunStarted(db(), {
      ...s,
      exportId: EXPORT.id,
      exportName: EXPORT.name,
      taskId: taskId(201),
      locale: null,
      startedBy: ada,
      at: at(1),
    });
    await recordRunStarted(db(), {
      ...s,
      exportId: other,
      exportName: "Headcount",
      taskId: taskId(202),
      locale: null,
      startedBy: grace,
      at: at(2),
    });
    await recordObservations(db(), s, EXPORT.id, EXPORT.name, [failed(203)], at(3));
    const ids = async (query: string) =>
      (await queryRuns(db(), s, parseRunsQuery(new URLSearchParams(query)))).runs.map((r) => r.taskId);
    expect(await ids(`export=${other}`)).toEqual([taskId(202)]);
    expect(await ids("by=ADA@example.com")).toEqual([taskId(201)]);
    expect(await ids("outcome=failed")).toEqual([taskId(203)]);
    expect(await ids(`from=${at(2).toISOString()}&to=${at(3).toISOString()}`)).toEqual([taskId(202)]);
  });

  it("tells an export's history and its typical duration (the median of recent successes)", async () => {
    const s = fresh();
    const minutes = [4, 6, 5, 30];
    for (const [i, m] of minutes.entries()) {
      const creationTime = at(i * 10).getTime();
      await recordObservations(
        db(),
        s,
        EXPORT.id,
        EXPORT.name,
        [{ ...task(300 + i, "IN_PROGRESS"), creationTime }],
        at(i * 10),
      );
      const last = i === 3 ? failed(300 + i) : succeeded(300 + i);
      await recordObservations(db(), s, EXPORT.id, EXPORT.name, [{ ...last, creationTime }], at(i * 10 + m));
    }
    const history = await exportHistory(db(), s, EXPORT.id, 2);
    expect(history.runs.map((r) => r.durationMs)).toEqual([30 * 60_000, 5 * 60_000]);
    expect(history.typicalDurationMs).toBe(5 * 60_000);
    expect((await exportHistory(db(), s, "116000000009")).typicalDurationMs).toBeNull();
    expect(median([4, 1, 9])).toBe(4);
    expect(median([1, 3, 2, 10])).toBe(3);
  });

  it("lets one reader at a time catch up each run still shown active, at most once per interval", async () => {
    const s = fresh();
    await recordRunStarted(db(), {
      ...s,
      exportId: EXPORT.id,
      exportName: EXPORT.name,
      taskId: taskId(401),
      locale: null,
      startedBy: ada,
      at: at(0),
    });
    await recordObservations(db(), s, EXPORT.id, EXPORT.name, [task(402, "IN_PROGRESS"), succeeded(403)], at(1));
    const stale = await staleActiveRuns(db(), s, { notCheckedSince: new Date(at(1).getTime() + 1) });
    expect(stale.map((r) => r.taskId).sort()).toEqual([taskId(401), taskId(402)]);
    const claim = { at: at(2), notCheckedSince: new Date(at(2).getTime() - 30_000) };
    const [first, second] = await Promise.all([
      markChecked(db(), s, [taskId(401), taskId(402)], claim),
      markChecked(db(), s, [taskId(401), taskId(402)], claim),
    ]);
    expect([...first!, ...second!].sort()).toEqual([taskId(401), taskId(402)]);
    expect(await staleActiveRuns(db(), s, { notCheckedSince: new Date(at(2).getTime() - 30_000) })).toEqual([]);
    expect(await staleActiveRuns(db(), s, { notCheckedSince: new Date(at(2).getTime() + 30_000) })).toHaveLength(2);
  });

  it("prunes runs older than the retention, with their states and downloads, at most once a day", async () => {
    const s = fresh();
    const old = new Date(Date.UTC(2025, 0, 1));
    await recordObservations(
      db(),
      s,
      EXPORT.id,
      EXPORT.name,
      [{ ...succeeded(501), creationTime: old.getTime() }],
      old,
    );
    await recordDownloadStarted(db(), s, { taskId: taskId(501), exportId: EXPORT.id, by: ada, at: old });
    await recordObservations(db(), s, EXPORT.id, EXPORT.name, [succeeded(502)], at(1));
    const now = new Date(Date.UTC(2026, 11, 1));
    const first = await pruneLedger(db(), 400, now);
    expect(first).toMatchObject({ pruned: true });
    expect(first.pruned && first.runs).toBeGreaterThanOrEqual(1);
    expect((await queryRuns(db(), s)).runs.map((r) => r.taskId)).toEqual([taskId(502)]);
    expect(await pruneLedger(db(), 400, new Date(now.getTime() + 3_600_000))).toEqual({
      pruned: false,
      reason: "done-today",
    });
    expect(await pruneLedger(db(), 400, new Date(now.getTime() + 86_400_000))).toMatchObject({ pruned: true, runs: 0 });
  });
});
