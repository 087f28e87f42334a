import "server-only";
import type { Database } from "./database";

/**
 * Shares one open database between callers. A failed open is forgotten, so the next call tries again: the ledger
 * comes back by itself when the database does.
 */
export function openOnce(open: () => Promise<Database>): { get: () => Promise<Database>; close: () => Promise<void> } {
  let opening: Promise<Database> | null = null;
  return {
    get() {
      opening ??= open().catch((error: unknown) => {
        opening = null;
        throw error;
      });
      return opening;
    },
    async close() {
      const current = opening;
      opening = null;
      await (await current?.catch(() => null))?.close();
    },
  };
}
