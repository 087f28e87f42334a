/**
 * The only places a sign-in may send the browser back to: same-origin paths. Anything else becomes "/".
 * Rejected: not starting with a single "/", "//" or "/\" (protocol-relative), any backslash, control or
 * whitespace characters (the URL parser drops tabs/newlines, turning "/\t/evil.com" into "//evil.com"),
 * encoded slashes/backslashes right after the first "/", over-long values, and loops through the sign-in routes.
 */
const MAX_LENGTH = 2048;

export function safeReturnTo(raw: string | null | undefined, origin = "http://export-desk.invalid"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return "/";
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\\\u2028\u2029]/.test(raw)) return "/";
  if (/^\/%(2f|5c)/i.test(raw)) return "/";
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
