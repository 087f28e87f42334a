import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { migrationsFolder } from "@/lib/db/migrations-folder";
import { openDatabase } from "@/lib/db/open";
import { openOnce } from "@/lib/db/open-once";
import { openPostgres } from "@/lib/db/postgres";
import { freshPgliteDir } from "@/lib/db/testing/pglite-template";
import { admin, createTestDatabase, dropServerDatabase } from "@/lib/db/testing/test-databases";
import { createLedger } from "./facade";
import { ada, at, EXPORT, scope, task, taskId } from "./testing/fixtures";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Every way the ledger is used, answered while the database is down. */
async function everyCall(ledger: ReturnType<typeof createLedger>) {
  return {
    started: await ledger.recordRunStarted({
      ...scope,
      exportId: EXPORT.id,
      exportName: EXPORT.name,
      taskId: taskId(1),
      locale: null,
      startedBy: ada,
      at: at(1),
    }),
    observed: await ledger.recordObservations(scope, EXPORT.id, EXPORT.name, [task(1, "IN_PROGRESS")], at(2)),
    cancel: await ledger.recordCancelRequested(scope, taskId(1), ada, at(3)),
    download: await ledger.recordDownloadStarted(scope, { exportId: EXPORT.id, by: ada, at: at(4) }),
    finished: await ledger.recordDownloadFinished(null, { bytes: 1, complete: true }),
    runs: await ledger.queryRuns(scope),
    startedBy: await ledger.startedByFor(scope, [taskId(1)]),
    cancelledBy: await ledger.cancelledByFor(scope, [taskId(1)]),
    history: await ledger.exportHistory(scope, EXPORT.id),
    stale: await ledger.staleActiveRuns(scope, { notCheckedSince: at(5) }),
    claimed: await ledger.markChecked(scope, [taskId(1)], { at: at(5), notCheckedSince: at(4) }),
    pruned: await ledger.pruneLedger(400, at(6)),
  };
}

const HARMLESS = {
  started: undefined,
  observed: undefined,
  cancel: false,
  download: null,
  finished: undefined,
  runs: { runs: [], next: null },
  startedBy: new Map(),
  cancelledBy: new Map(),
  history: { runs: [], typicalDurationMs: null },
  stale: [],
  claimed: [],
  pruned: null,
};

describe("the ledger is history, not a gate", () => {
  it("is off without a database, answers harmlessly and logs nothing", async () => {
    const log = vi.fn();
    const ledger = createLedger({ engine: "off", open: null, log });
    expect(await everyCall(ledger)).toEqual(HARMLESS);
    expect(ledger.status()).toBe("off");
    expect(log).not.toHaveBeenCalled();
  });

  it("on PostgreSQL at a dead port: every call answers, one ledger_unavailable with a code and no password", async () => {
    const log = vi.fn();
    const database = openOnce(() => openPostgres("postgres://export:hunter2-secret@127.0.0.1:1/ledger"));
    const ledger = createLedger({ engine: "postgres", open: database.get, log, retryAfterFailureMs: 0 });
    expect(await everyCall(ledger)).toEqual(HARMLESS);
    await everyCall(ledger);
    expect(ledger.status()).toBe("unavailable");
    expect(log.mock.calls).toEqual([["ledger_unavailable", { engine: "postgres", code: "ECONNREFUSED" }]]);
    expect(JSON.stringify(log.mock.calls)).not.toContain("hunter2");
  });

  it("on PostgreSQL: a database dropped under a running ledger is an outage, and it recovers when the database is back", async () => {
    const log = vi.fn();
    const test = await createTestDatabase("postgres");
    cleanups.push(() => test.drop());
    const ledger = createLedger({ engine: "postgres", open: async () => test.database, log, retryAfterFailureMs: 0 });
    await ledger.recordObservations(scope, EXPORT.id, EXPORT.name, [task(1, "IN_PROGRESS")], at(1));
    expect(ledger.status()).toBe("ok");

    const name = new URL(test.location).pathname.slice(1);
    await dropServerDatabase(name);
    expect(await everyCall(ledger)).toEqual(HARMLESS);
    expect(ledger.status()).toBe("unavailable");
    expect(log.mock.calls).toHaveLength(1);
    expect(log.mock.calls[0]![0]).toBe("ledger_unavailable");

    await admin(`create database ${name}`);
    const migrator = await openDatabase({ engine: "postgres", url: test.location });
    await migrator.close();
    // The pool drops connections the server closed; allow it one failed query on a stale one.
    await ledger.recordObservations(scope, EXPORT.id, EXPORT.name, [task(2, "IN_PROGRESS")], at(2));
    await ledger.recordObservations(scope, EXPORT.id, EXPORT.name, [task(2, "IN_PROGRESS")], at(2));
    expect((await ledger.queryRuns(scope)).runs.map((r) => r.taskId)).toEqual([taskId(2)]);
    expect(ledger.status()).toBe("ok");
    expect(log.mock.calls.map((c) => c[0])).toEqual(["ledger_unavailable", "ledger_recovered"]);
  });

  it("on PGlite with an unusable DATA_DIR: every call answers, and it recovers once the folder can be used", async () => {
    const log = vi.fn();
    const parent = mkdtempSync(path.join(os.tmpdir(), "export-desk-facade-"));
    cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
    const blocker = path.join(parent, "not-a-folder");
    writeFileSync(blocker, "a regular file where a folder should be");
    const dataDir = path.join(blocker, "data");
    const database = openOnce(() => openDatabase({ engine: "pglite", dataDir }, migrationsFolder()));
    cleanups.push(() => database.close());
    const ledger = createLedger({ engine: "pglite", open: database.get, log, retryAfterFailureMs: 0 });

    expect(await everyCall(ledger)).toEqual(HARMLESS);
    expect(ledger.status()).toBe("unavailable");
    expect(log.mock.calls).toEqual([["ledger_unavailable", { engine: "pglite", code: "ENOTDIR" }]]);

    rmSync(blocker);
    await freshPgliteDir(dataDir);
    await ledger.recordObservations(scope, EXPORT.id, EXPORT.name, [task(3, "IN_PROGRESS")], at(3));
    expect((await ledger.queryRuns(scope)).runs.map((r) => r.taskId)).toEqual([taskId(3)]);
    expect(ledger.status()).toBe("ok");
    expect(log.mock.calls.map((c) => c[0])).toEqual(["ledger_unavailable", "ledger_recovered"]);
  });
});

describe("a ledger whose database is down", () => {
  it("answers its fallback at once for a while after a failure, instead of waiting on the database each time", async () => {
    let opens = 0;
    const open = async () => {
      opens += 1;
      throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    };
    const ledger = createLedger({ engine: "postgres", open, log: () => undefined, retryAfterFailureMs: 60_000 });
    expect(await ledger.queryRuns(scope)).toEqual({ runs: [], next: null });
    expect(await ledger.queryRuns(scope)).toEqual({ runs: [], next: null });
    expect(opens).toBe(1);
    expect(ledger.status()).toBe("unavailable");
  });
});
