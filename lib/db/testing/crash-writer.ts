/**
 * Child process of the crash test: records runs in a loop and prints "committed <n>" after each one is committed,
 * until it is killed. Usage: node --import tsx --conditions=react-server crash-writer.ts <pglite|postgres> <data dir|url>
 */
import { recordObservations } from "../../ledger/record-observations";
import { recordRunStarted } from "../../ledger/record-start";
import { migrationsFolder } from "../migrations-folder";
import { openDatabase } from "../open";

const [engine, location] = process.argv.slice(2);
const scope = { tenantId: "crash-tenant", workspaceId: "crash-workspace", modelId: "crash-model" };
const person = { userId: "u1", email: "ada@example.com", name: "Ada Lovelace" };

async function main(): Promise<void> {
  const database = await openDatabase(
    engine === "postgres" ? { engine: "postgres", url: location! } : { engine: "pglite", dataDir: location! },
    migrationsFolder(),
  );
  for (let n = 1; ; n++) {
    const taskId = `task-${n}`;
    const at = new Date(Date.UTC(2026, 0, 1) + n * 1000);
    await recordRunStarted(database.db, {
      ...scope,
      exportId: "116000000001",
      exportName: "Revenue",
      taskId,
      locale: null,
      startedBy: person,
      at,
    });
    await recordObservations(
      database.db,
      scope,
      "116000000001",
      "Revenue",
      [{ taskId, taskState: "IN_PROGRESS", progress: 0.5 }],
      at,
    );
    process.stdout.write(`committed ${n}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
