import "server-only";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const LOCK_FILE = "export-desk.pid";

/** Another live process holds the embedded database's folder. */
export class DataDirInUseError extends Error {
  override name = "DataDirInUseError";
  readonly code = "DATA_DIR_IN_USE";
  constructor(pid: number) {
    super(
      `DATA_DIR is in use by process ${pid}: only one process may open the embedded database; stop it or set DATABASE_URL.`,
    );
  }
}

/**
 * PGlite is one process's database: two processes writing one folder corrupt it (a second server on the same volume,
 * or `npm run db:migrate` beside a running server). The folder carries the owner's pid; a lock left by a process that
 * is gone (killed with SIGKILL) is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  const holder = readHolder(file);
  if (holder !== null && holder !== process.pid && isAlive(holder)) throw new DataDirInUseError(holder);
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    if (readHolder(file) === process.pid) rmSync(file, { force: true });
  };
}

function readHolder(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
