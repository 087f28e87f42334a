import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { rowsOf } from "./database";
import { migrationsFolder } from "./migrations-folder";
import { openPostgres } from "./postgres";
import { createTestDatabase, ENGINES, type TestDatabase } from "./testing/test-databases";

interface Journal {
  entries: { idx: number; tag: string }[];
}
const journal = JSON.parse(readFileSync(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8")) as Journal;

/** A copy of the migrations folder that stops after the first `count` migrations. */
function firstMigrations(count: number): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "export-desk-migrations-"));
  mkdirSync(path.join(folder, "meta"));
  const entries = journal.entries.slice(0, count);
  for (const entry of entries)
    cpSync(path.join(migrationsFolder(), `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  return folder;
}

async function appliedCount(test: TestDatabase): Promise<number> {
  const result = await test.database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return rowsOf<{ n: number }>(result)[0]!.n;
}

async function indexNames(test: TestDatabase): Promise<string[]> {
  const result = await test.database.db.execute(
    sql`select indexname from pg_indexes where tablename = 'runs' order by indexname`,
  );
  return rowsOf<{ indexname: string }>(result).map((r) => r.indexname);
}

describe("migrations", () => {
  it("keep at least two versions, so upgrading a database that holds rows is tested for real", () => {
    expect(journal.entries.length).toBeGreaterThanOrEqual(2);
  });
});

describe.each(ENGINES)("migrations on %s", (engine) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it("apply every migration to an empty database, and a second run changes nothing", async () => {
    const test = await createTestDatabase(engine, { migrate: false });
    cleanups.push(() => test.drop());
    await test.database.migrate(migrationsFolder());
    expect(await appliedCount(test)).toBe(journal.entries.length);
    expect(await indexNames(test)).toEqual(
      expect.arrayContaining([
        "runs_task_key",
        "runs_newest_first",
        "runs_by_export",
        "runs_active",
        "runs_started_at",
      ]),
    );
    await test.database.migrate(migrationsFolder());
    expect(await appliedCount(test)).toBe(journal.entries.length);
  });

  it("upgrade a database at the previous version without losing its rows", async () => {
    const previous = firstMigrations(journal.entries.length - 1);
    const test = await createTestDatabase(engine, { migrate: false });
    cleanups.push(async () => {
      await test.drop();
      rmSync(previous, { recursive: true, force: true });
    });
    await test.database.migrate(previous);
    const { db } = test.database;
    await db.execute(sql`insert into runs (tenant_id, workspace_id, model_id, task_id, export_id, export_name,
      started_by_email, started_by_name, started_at, outcome, finished_at)
      values ('t1', 'w1', 'm1', 'task-a', '116000000001', 'Revenue', 'ada@example.com', 'Ada', '2026-11-01T10:00:00Z',
      'succeeded', '2026-11-01T10:05:00Z'), ('t1', 'w1', 'm1', 'task-b', '116000000001', 'Revenue', null, null,
      '2026-11-01T11:00:00Z', 'running', null)`);
    await db.execute(sql`insert into run_transitions (run_id, outcome, task_state, seen_at)
      select id, outcome, 'COMPLETE', '2026-11-01T10:05:00Z' from runs where task_id = 'task-a'`);
    await db.execute(sql`insert into downloads (tenant_id, workspace_id, model_id, export_id, run_id, by_user_id, by_email,
      by_name, started_at, bytes, complete) select 't1', 'w1', 'm1', '116000000001', id, 'u1', 'ada@example.com', 'Ada',
      '2026-11-01T10:06:00Z', 1234, true from runs where task_id = 'task-a'`);

    await test.database.migrate(migrationsFolder());

    expect(await appliedCount(test)).toBe(journal.entries.length);
    const runs = rowsOf<{ task_id: string; outcome: string; checked_at: unknown }>(
      await db.execute(sql`select task_id, outcome, checked_at from runs order by task_id`),
    );
    expect(runs).toEqual([
      { task_id: "task-a", outcome: "succeeded", checked_at: null },
      { task_id: "task-b", outcome: "running", checked_at: null },
    ]);
    const counts = rowsOf<{ transitions: number; downloads: number }>(
      await db.execute(sql`select (select count(*)::int from run_transitions) as transitions,
        (select count(*)::int from downloads) as downloads`),
    );
    expect(counts).toEqual([{ transitions: 1, downloads: 1 }]);
  });
});

describe("migrations on one server database from several instances at once", () => {
  it("never race: the advisory lock lets one apply them and the others find nothing to do", async () => {
    const test = await createTestDatabase("postgres", { migrate: false });
    const instances = await Promise.all([1, 2, 3, 4].map(() => openPostgres(test.location, 2)));
    try {
      await Promise.all(instances.map((instance) => instance.migrate(migrationsFolder())));
      expect(await appliedCount(test)).toBe(journal.entries.length);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await test.drop();
    }
  });
});
