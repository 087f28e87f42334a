import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/lib/config";
import { ledger } from "@/lib/ledger";
import { rowsOf } from "./database";
import { getDb, LedgerOffError } from "./index";
import { freshPgliteDir } from "./testing/pglite-template";

const saved = { ...process.env };
const parent = mkdtempSync(path.join(os.tmpdir(), "export-desk-getdb-"));

afterAll(() => {
  process.env = saved;
  resetConfigForTests();
  rmSync(parent, { recursive: true, force: true });
});

function configure(env: Record<string, string | undefined>): void {
  for (const name of ["DATABASE_URL", "DATA_DIR", "VERCEL"]) delete process.env[name];
  Object.assign(process.env, env);
  resetConfigForTests();
}

describe("getDb", () => {
  it("opens the configured database once per process, with every migration applied", async () => {
    const dataDir = path.join(parent, "data");
    await freshPgliteDir(dataDir);
    configure({ DATA_DIR: dataDir });
    const [first, second] = await Promise.all([getDb(), getDb()]);
    expect(first).toBe(second);
    expect(first.engine).toBe("pglite");
    const [row] = rowsOf<{ n: number }>(
      await first.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
    );
    expect(row!.n).toBeGreaterThanOrEqual(2);
    await first.close();
  });

  it("is off on Vercel without DATABASE_URL, and the ledger says so", async () => {
    configure({ VERCEL: "1" });
    await expect(getDb()).rejects.toBeInstanceOf(LedgerOffError);
    expect(ledger().status()).toBe("off");
    expect(await ledger().queryRuns({ tenantId: "t", workspaceId: "w", modelId: "m" })).toEqual({
      runs: [],
      next: null,
    });
  });
});
