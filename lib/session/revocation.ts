import "server-only";
import { processState } from "@/lib/server/process-state";
import { isRevokedShared, recordSharedRevocation } from "./shared-store";

/**
 * Signed-out session ids, so a copy of a signed-out cookie stops working at once: in this process, and with
 * DATABASE_URL on every instance (shared-store.ts). Upstream revocation (/token/logout) ends the token too.
 */
const revoked = processState("revoked-sessions", () => new Map<string, number>());
const MAX_ENTRIES = 50_000;

/** Puts a session on this instance's list at once, and on the shared list (DATABASE_URL) in the background. */
export function revokeSession(sid: string, until: number): Promise<void> {
  prune(Date.now());
  if (revoked.size >= MAX_ENTRIES) {
    const oldest = revoked.keys().next().value;
    if (oldest !== undefined) revoked.delete(oldest);
  }
  revoked.set(sid, until);
  return recordSharedRevocation(sid, until);
}

export async function isSessionRevoked(sid: string, now: number = Date.now()): Promise<boolean> {
  const until = revoked.get(sid);
  if (until !== undefined && until <= now) revoked.delete(sid);
  if (until !== undefined && until > now) return true;
  return isRevokedShared(sid, now);
}

let lastPrune = 0;
function prune(now: number): void {
  if (now - lastPrune < 60_000) return;
  lastPrune = now;
  for (const [sid, until] of revoked) if (until <= now) revoked.delete(sid);
}

/** Test hook: behave like a fresh instance that never saw the sign-out. */
export function resetRevocationsForTests(): void {
  revoked.clear();
}
