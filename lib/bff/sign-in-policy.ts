/**
 * The sign-in limits (OWASP authentication guidance: limit per client and per account, without letting a stranger
 * lock an account's owner out). Attempts count when they start; a successful sign-in gives its attempt back.
 *
 * - A client (one address, one IPv6 /64) may have at most CLIENT_BUDGET attempts in flight or failed per
 *   CLIENT_WINDOW_MS, across all emails.
 * - An email takes EMAIL_FREE attempts freely per EMAIL_WINDOW_MS; each further one waits an exponentially growing
 *   delay after the previous start, never more than EMAIL_MAX_DELAY_MS — the longest its owner can be kept waiting.
 */
export const CLIENT_BUDGET = 10;
export const CLIENT_WINDOW_MS = 15 * 60_000;
export const EMAIL_FREE = 3;
export const EMAIL_WINDOW_MS = 15 * 60_000;
export const EMAIL_BASE_DELAY_MS = 1_000;
export const EMAIL_MAX_DELAY_MS = 60_000;

/** Milliseconds until the client may start another attempt; `starts` ascending, all within the window. */
export function clientWaitMs(starts: readonly number[], now: number): number {
  if (starts.length < CLIENT_BUDGET) return 0;
  const oldestThatCounts = starts[starts.length - CLIENT_BUDGET] as number;
  return Math.max(0, oldestThatCounts + CLIENT_WINDOW_MS - now);
}

/** Milliseconds until the email may be tried again; `starts` ascending, all within the window. */
export function emailWaitMs(starts: readonly number[], now: number): number {
  if (starts.length < EMAIL_FREE) return 0;
  const delay = Math.min(EMAIL_MAX_DELAY_MS, EMAIL_BASE_DELAY_MS * 2 ** (starts.length - EMAIL_FREE));
  return Math.max(0, (starts[starts.length - 1] as number) + delay - now);
}

/** The sentence of a 429: how long to wait, in words. */
export function waitSentence(scope: "client" | "email", waitMs: number): string {
  const who = scope === "client" ? "from your network" : "for this email";
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const wait = seconds < 60 ? plural(seconds, "second") : plural(Math.ceil(seconds / 60), "minute");
  return `Too many sign-in attempts ${who}. Wait ${wait} before trying again.`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
