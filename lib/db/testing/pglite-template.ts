import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

const VERSION = "0.5.17";
const template = path.join(os.tmpdir(), `export-desk-pglite-template-${VERSION}`);

/**
 * A fresh PGlite data folder in `dir`. initdb takes seconds, so it runs once per machine and every test copies the
 * result. Parallel test workers may race to build it: each builds its own and the first rename wins.
 */
export async function freshPgliteDir(dir: string): Promise<void> {
  await ensurePgliteTemplate();
  cpSync(template, dir, { recursive: true });
}

export async function ensurePgliteTemplate(): Promise<void> {
  if (!existsSync(path.join(template, "PG_VERSION"))) {
    const building = mkdtempSync(`${template}.building-`);
    const client = await PGlite.create(building);
    await client.close();
    try {
      renameSync(building, template);
    } catch {
      rmSync(building, { recursive: true, force: true });
    }
  }
}
