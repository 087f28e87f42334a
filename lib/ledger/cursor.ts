import { RunsQueryError } from "./runs-query-error";

/** Where a page ended: the last run's start time and row id (the keyset of the newest-first order). */
export interface RunsCursor {
  startedAtMs: number;
  id: number;
}

const SHAPE = /^r1\.(\d{1,15})\.(\d{1,15})$/;

/** Opaque to clients: base64url of a versioned "r1.<ms>.<id>". */
export function encodeCursor(cursor: RunsCursor): string {
  return Buffer.from(`r1.${cursor.startedAtMs}.${cursor.id}`, "utf8").toString("base64url");
}

/** Anything this server did not hand out (edited, truncated, made up) is a RunsQueryError, never a query. */
export function decodeCursor(value: string): RunsCursor {
  const forged = new RunsQueryError(
    "cursor",
    "The cursor is not one this server gave out; start again from the first page.",
  );
  if (value.length > 64 || !/^[A-Za-z0-9_-]+$/.test(value)) throw forged;
  const match = SHAPE.exec(Buffer.from(value, "base64url").toString("utf8"));
  if (!match) throw forged;
  const startedAtMs = Number(match[1]);
  const id = Number(match[2]);
  if (!Number.isSafeInteger(startedAtMs) || !Number.isSafeInteger(id) || startedAtMs > 8.64e15 || id < 1) throw forged;
  if (encodeCursor({ startedAtMs, id }) !== value) throw forged;
  return { startedAtMs, id };
}
