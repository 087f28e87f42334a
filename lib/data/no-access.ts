import "server-only";
import { isAnaplanError } from "@/lib/anaplan/errors";

/** Anaplan's ways of saying "not there, or not for you": a page shows "no access" for these, not an error. */
export function isNoAccess(err: unknown): boolean {
  return isAnaplanError(err) && (err.kind === "not_found" || err.kind === "forbidden" || err.kind === "bad_request");
}

/** Runs a lookup; "not found / no access" becomes null so the page can say so, anything else goes to error.tsx. */
export async function orNoAccess<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (err) {
    if (isNoAccess(err)) return null;
    throw err;
  }
}
