/**
 * Client-safe: the sign-in page, the API client and the server share this one rule.
 * The only places a sign-in may send the browser back to: same-origin paths. Anything else becomes "/".
 * Rejected: not starting with a single "/", "//" or "/\" (protocol-relative), any backslash, control or
 * whitespace characters (the URL parser drops tabs/newlines, turning "/\t/evil.com" into "//evil.com"),
 * encoded slashes/backslashes right after the first "/", over-long values, and loops through the sign-in routes.
 */
const MAX_LENGTH = 2048;

export function safeReturnTo(
  value: string | string[] | null | undefined,
  origin = "http://export-desk.invalid",
): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return "/";
  if (!looksSafe(raw)) return "/";
  // Also judge the once-decoded form, in case something downstream decodes it again.
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return "/";
  }
  if (!looksSafe(decoded, true)) return "/";
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin) return "/";
  const path = url.pathname;
  if (path === "/login" || path.startsWith("/api/")) return "/";
  return `${path}${url.search}${url.hash}`;
}

function looksSafe(value: string, allowSpace = false): boolean {
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return false;
  const forbidden = allowSpace
    ? /[\u0000-\u001f\u007f-\u009f\\\u2028\u2029]/
    : /[\u0000-\u0020\u007f-\u009f\\\u2028\u2029]/;
  if (forbidden.test(value)) return false;
  return !/^\/%(2f|5c)/i.test(value);
}

/** expired: a session that was good has ended; sign-in: a cookie that is not ours to read; signed-out: the user's own. */
export type LoginReason = "expired" | "sign-in" | "signed-out";

export function loginUrl(returnTo: string, reason?: LoginReason): string {
  const params = new URLSearchParams({ returnTo: safeReturnTo(returnTo) });
  if (reason) params.set("reason", reason);
  return `/login?${params.toString()}`;
}
