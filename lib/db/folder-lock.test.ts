import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { databaseErrorCode } from "./errors";
import { DataDirInUseError } from "./folder-lock";
import { openPglite } from "./pglite";
import { freshPgliteDir } from "./testing/pglite-template";

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dataDir(): Promise<string> {
  const parent = mkdtempSync(path.join(os.tmpdir(), "export-desk-lock-"));
  cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
  const dir = path.join(parent, "data");
  await freshPgliteDir(dir);
  return dir;
}

describe("the embedded database's folder", () => {
  it("refuses a second live process, and is taken over once that process is gone (even after SIGKILL)", async () => {
    const dir = await dataDir();
    const other = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    const exited = new Promise((resolve) => other.once("exit", resolve));
    cleanups.push(() => void other.kill("SIGKILL"));
    writeFileSync(path.join(dir, "export-desk.pid"), `${other.pid}\n`);

    const refusal = await openPglite(dir).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataDirInUseError);
    expect(databaseErrorCode(refusal)).toBe("DATA_DIR_IN_USE");
    expect((refusal as Error).message).toContain(`process ${other.pid}`);

    other.kill("SIGKILL");
    await exited;
    const database = await openPglite(dir);
    expect(existsSync(path.join(dir, "export-desk.pid"))).toBe(true);
    await database.close();
    expect(existsSync(path.join(dir, "export-desk.pid"))).toBe(false);
  });
});
