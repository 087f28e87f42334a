import { ensurePgliteTemplate } from "../lib/db/testing/pglite-template";

/** Runs once before the test workers start: builds the PGlite template (initdb, seconds) so no test waits on it. */
export default async function setup(): Promise<void> {
  await ensurePgliteTemplate();
}
