/**
 * `npm run db:migrate`: applies pending ledger migrations to DATABASE_URL (or the embedded database in DATA_DIR)
 * and exits. The server also does this at start-up, under the same lock, so running both at once is safe —
 * except for the embedded database, which only one process may open: stop the server first.
 */
import { ConfigError, parseConfig } from "../lib/config/parse";
import { databaseErrorCode } from "../lib/db/errors";
import { openDatabase } from "../lib/db/open";

async function main(): Promise<void> {
  const config = parseConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? "development" });
  if (config.ledgerEngine === "off") {
    console.log("No DATABASE_URL is set on Vercel, so there is no ledger database to migrate.");
    return;
  }
  const database = await openDatabase(
    config.databaseUrl
      ? { engine: "postgres", url: config.databaseUrl }
      : { engine: "pglite", dataDir: config.dataDir },
  );
  await database.close();
  console.log(
    `Ledger migrations applied (${config.databaseUrl ? "DATABASE_URL" : `embedded database in ${config.dataDir}`}).`,
  );
}

main().catch((error: unknown) => {
  // A code, never the error's text: drizzle's "Failed query" text can quote parameters.
  const reason = error instanceof ConfigError ? error.message : `the database answered ${databaseErrorCode(error)}.`;
  console.error(`Migration failed: ${reason}`);
  process.exit(1);
});
