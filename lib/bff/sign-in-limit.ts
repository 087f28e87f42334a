import "server-only";
import { createHash } from "node:crypto";
import { isAnaplanError } from "@/lib/anaplan/errors";
import { processState } from "@/lib/server/process-state";
import { MemoryAttemptStore, type AttemptOutcome, type AttemptStore, type Reserved } from "./attempt-store";
import { emailKey } from "./sign-in-email";

/**
 * Every user reaches Anaplan from the BFF's address, so Anaplan's own lockouts would hit the whole team: the limits
 * here (lib/bff/sign-in-policy.ts) stop guessing first. Keys are hashed, so no email is kept in clear.
 */
const holder = processState("sign-in-attempts", () => ({
  store: new MemoryAttemptStore() as AttemptStore,
  now: Date.now,
}));

const hash = (value: string) => createHash("sha256").update(value).digest("base64url");

export function reserveSignIn(client: string, email: string): Promise<Reserved> {
  return holder.store.reserve(hash(`client:${client}`), hash(`email:${emailKey(email)}`), holder.now());
}

export function settleSignIn(ticket: string, outcome: AttemptOutcome): Promise<void> {
  return holder.store.settle(ticket, outcome);
}

/** Anaplan refused the credentials, or may have checked them (timeout, aborted): counted. Not asked at all: given back. */
export function outcomeOf(error: unknown): AttemptOutcome {
  if (!isAnaplanError(error)) return "failure";
  return error.kind === "network" || error.kind === "upstream_error" || error.kind === "rate_limited"
    ? "unchecked"
    : "failure";
}

/** Tests only: a fresh store, and optionally a clock to move through the windows without waiting. */
export function resetSignInLimitForTests(now: () => number = Date.now): void {
  holder.store = new MemoryAttemptStore();
  holder.now = now;
}
