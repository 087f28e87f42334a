import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import type { Database, Engine } from "../database";
import { migrationsFolder } from "../migrations-folder";
import { openPglite } from "../pglite";
import { openPostgres } from "../postgres";
import { freshPgliteDir } from "./pglite-template";

/** The local PostgreSQL server of the test machines (trust auth). */
const ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const ENGINES: Engine[] = ["pglite", "postgres"];

export interface TestDatabase {
  engine: Engine;
  database: Database;
  /** The server database's URL, or the PGlite data folder. */
  location: string;
  /** Reopens the same database (after `database.close()`), for restart tests. */
  reopen(): Promise<Database>;
  /** Closes and deletes the database. */
  drop(): Promise<void>;
}

/** An empty database of its own on `engine`; migrated unless `migrate: false`. */
export async function createTestDatabase(engine: Engine, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const test = engine === "postgres" ? await serverDatabase() : await pgliteDatabase();
  if (options.migrate !== false) await test.database.migrate(migrationsFolder());
  return test;
}

async function pgliteDatabase(): Promise<TestDatabase> {
  const parent = mkdtempSync(path.join(os.tmpdir(), "export-desk-test-"));
  const dataDir = path.join(parent, "data");
  await freshPgliteDir(dataDir);
  const test: TestDatabase = {
    engine: "pglite",
    database: await openPglite(dataDir),
    location: dataDir,
    async reopen() {
      test.database = await openPglite(dataDir);
      return test.database;
    },
    async drop() {
      await test.database.close().catch(() => undefined);
      rmSync(parent, { recursive: true, force: true });
    },
  };
  return test;
}

async function serverDatabase(): Promise<TestDatabase> {
  const name = `export_desk_test_${randomBytes(6).toString("hex")}`;
  await admin(`create database ${name}`);
  const url = databaseUrl(name);
  const test: TestDatabase = {
    engine: "postgres",
    database: await openPostgres(url),
    location: url,
    async reopen() {
      test.database = await openPostgres(url);
      return test.database;
    },
    async drop() {
      await test.database.close().catch(() => undefined);
      await dropServerDatabase(name);
    },
  };
  return test;
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a server database even while connections are open (they are terminated). */
export async function dropServerDatabase(name: string): Promise<void> {
  await admin(`drop database if exists ${name} with (force)`);
}

export async function admin(statement: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
