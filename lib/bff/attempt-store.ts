import "server-only";
import { randomUUID } from "node:crypto";
import { CLIENT_WINDOW_MS, clientWaitMs, EMAIL_WINDOW_MS, emailWaitMs } from "./sign-in-policy";

export type Reserved = { ok: true; ticket: string } | { ok: false; scope: "client" | "email"; waitMs: number };

/**
 * How an attempt ended: `failure` keeps it counted; `success` gives the client its attempt back and clears the email;
 * `unchecked` (Anaplan could not be asked) gives both back.
 */
export type AttemptOutcome = "success" | "failure" | "unchecked";

/**
 * Sign-in attempt counters. `reserve` checks both limits and counts the attempt in one atomic step, before Anaplan
 * is called, so parallel attempts cannot all pass. Keys arrive hashed. A database-backed store (several instances)
 * implements the same two calls in one transaction each.
 */
export interface AttemptStore {
  reserve(client: string, email: string, now: number): Promise<Reserved>;
  settle(ticket: string, outcome: AttemptOutcome): Promise<void>;
}

const MAX_KEYS = 50_000;

/** One process's counters. Everything between reading and writing is synchronous, so each call is atomic. */
export class MemoryAttemptStore implements AttemptStore {
  private readonly clients = new Map<string, number[]>();
  private readonly emails = new Map<string, number[]>();
  private readonly tickets = new Map<string, { client: string; email: string; at: number }>();

  async reserve(client: string, email: string, now: number): Promise<Reserved> {
    const clientStarts = recent(this.clients, client, now - CLIENT_WINDOW_MS);
    const emailStarts = recent(this.emails, email, now - EMAIL_WINDOW_MS);
    const clientWait = clientWaitMs(clientStarts, now);
    const emailWait = emailWaitMs(emailStarts, now);
    if (clientWait > 0 || emailWait > 0) {
      return clientWait >= emailWait
        ? { ok: false, scope: "client", waitMs: clientWait }
        : { ok: false, scope: "email", waitMs: emailWait };
    }
    touch(this.clients, client, [...clientStarts, now]);
    touch(this.emails, email, [...emailStarts, now]);
    const ticket = randomUUID();
    this.tickets.set(ticket, { client, email, at: now });
    if (this.tickets.size > MAX_KEYS) this.tickets.delete(this.tickets.keys().next().value as string);
    return { ok: true, ticket };
  }

  async settle(ticket: string, outcome: AttemptOutcome): Promise<void> {
    const attempt = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    if (!attempt || outcome === "failure") return;
    giveBack(this.clients, attempt.client, attempt.at);
    if (outcome === "success") this.emails.delete(attempt.email);
    else giveBack(this.emails, attempt.email, attempt.at);
  }
}

function recent(map: Map<string, number[]>, key: string, since: number): number[] {
  return (map.get(key) ?? []).filter((t) => t > since);
}

/** Most recently used last, so the oldest keys go first when the map is full. */
function touch(map: Map<string, number[]>, key: string, starts: number[]): void {
  map.delete(key);
  map.set(key, starts);
  while (map.size > MAX_KEYS) map.delete(map.keys().next().value as string);
}

function giveBack(map: Map<string, number[]>, key: string, at: number): void {
  const starts = map.get(key);
  const index = starts?.indexOf(at) ?? -1;
  if (!starts || index < 0) return;
  starts.splice(index, 1);
  if (starts.length === 0) map.delete(key);
}
