import "server-only";
import { createHash } from "node:crypto";
import { processState } from "@/lib/server/process-state";

/**
 * A small in-process brake on password guessing per email: after MAX_FAILURES failed sign-ins within WINDOW_MS,
 * further attempts for that email are refused (429) until the window passes. Every user reaches Anaplan from
 * the BFF's address, so Anaplan's own lockouts would hit the whole team; this keeps one bad actor from that.
 */
const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;
const MAX_KEYS = 10_000;
const failures = processState("sign-in-failures", () => new Map<string, number[]>());

const keyOf = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("base64url");

/** Milliseconds to wait, or 0 when an attempt may go ahead. */
export function signInBlockedFor(email: string, now: number = Date.now()): number {
  const recent = (failures.get(keyOf(email)) ?? []).filter((t) => now - t < WINDOW_MS);
  if (recent.length < MAX_FAILURES) return 0;
  return WINDOW_MS - (now - (recent[0] ?? now));
}

export function recordSignInFailure(email: string, now: number = Date.now()): void {
  const key = keyOf(email);
  const recent = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  recent.push(now);
  failures.delete(key);
  failures.set(key, recent);
  while (failures.size > MAX_KEYS) {
    const oldest = failures.keys().next().value;
    if (oldest === undefined) break;
    failures.delete(oldest);
  }
}

export function clearSignInFailures(email: string): void {
  failures.delete(keyOf(email));
}

export function resetSignInLimitForTests(): void {
  failures.clear();
}
