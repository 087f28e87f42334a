import "server-only";
import { processState } from "@/lib/server/process-state";

/**
 * In-process list of signed-out session ids, so a copy of a signed-out cookie stops working at once on this
 * instance. Upstream revocation (/token/logout) covers the other instances: their next call gets a 401.
 */
const revoked = processState("revoked-sessions", () => new Map<string, number>());
const MAX_ENTRIES = 50_000;

export function revokeSession(sid: string, until: number): void {
  prune(Date.now());
  if (revoked.size >= MAX_ENTRIES) {
    const oldest = revoked.keys().next().value;
    if (oldest !== undefined) revoked.delete(oldest);
  }
  revoked.set(sid, until);
}

export function isSessionRevoked(sid: string, now: number = Date.now()): boolean {
  const until = revoked.get(sid);
  if (until === undefined) return false;
  if (until <= now) {
    revoked.delete(sid);
    return false;
  }
  return true;
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
