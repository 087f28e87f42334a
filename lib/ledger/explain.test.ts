import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/lib/db/database";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/lib/db/testing/test-databases";
import { decodeCursor } from "./cursor";
import { queryRuns, runsPageSelect } from "./query-runs";
import type { RunsQuery } from "./runs-query";
import { insertRuns } from "./testing/bulk";
import { otherModel, scope } from "./testing/fixtures";

const RUNS_IN_MODEL = 100_000;

describe.each(ENGINES)(
  "the runs query with %i runs in one model, on %s".replace("%i", String(RUNS_IN_MODEL)),
  (engine) => {
    let test: TestDatabase;

    beforeAll(async () => {
      test = await createTestDatabase(engine);
      await insertRuns(test.database.db, otherModel, 5_000, 1);
      await insertRuns(test.database.db, scope, RUNS_IN_MODEL, 5_001);
    }, 120_000);
    afterAll(async () => {
      await test.drop();
    });

    async function plan(query: Partial<RunsQuery>): Promise<string> {
      const select = runsPageSelect(test.database.db, scope, query, 51);
      const rows = rowsOf<Record<string, string>>(await test.database.db.execute(sql`explain ${select}`));
      const text = rows.map((row) => Object.values(row)[0]).join("\n");
      return text;
    }

    it("reads the newest page from the index, not the table", async () => {
      const text = await plan({});
      expect(text).toMatch(/Index Scan using runs_newest_first/);
      expect(text).not.toMatch(/Seq Scan/);
      expect(text).not.toMatch(/Sort/);
    });

    it("starts a later page at the cursor inside the index", async () => {
      const first = await queryRuns(test.database.db, scope, { limit: 50 });
      const text = await plan({ cursor: decodeCursor(first.next!) });
      expect(text).toMatch(/Index Scan using runs_newest_first/);
      expect(text).toMatch(/Index Cond: .*ROW\(started_at, id\) </);
      expect(text).not.toMatch(/Sort|Seq Scan/);
    });

    it("uses the export index for one export's runs", async () => {
      const text = await plan({ exportId: "116000000007" });
      expect(text).toMatch(/Index Scan using runs_by_export/);
      expect(text).not.toMatch(/Sort|Seq Scan/);
    });

    it("pages through the model without gaps or repeats", async () => {
      let cursor = (await queryRuns(test.database.db, scope, { limit: 500 })).next;
      let seen = 500;
      for (let page = 0; page < 3 && cursor; page++) {
        const next = await queryRuns(test.database.db, scope, { limit: 500, cursor: decodeCursor(cursor) });
        seen += next.runs.length;
        cursor = next.next;
      }
      expect(seen).toBe(2_000);
      const total = rowsOf<{ n: number }>(await test.database.db.execute(sql`select count(*)::int as n from runs`))[0]!
        .n;
      expect(total).toBe(RUNS_IN_MODEL + 5_000);
    });
  },
);
