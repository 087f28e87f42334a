/**
 * A same-origin path to return to after sign-in. Anything else (absolute URLs, protocol-relative `//host`,
 * backslash tricks, the login page itself) falls back to "/" so a link cannot send the user elsewhere.
 */
export function safeReturnTo(value: string | string[] | undefined | null): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f\\]/.test(raw)) return "/";
  if (raw === "/login" || raw.startsWith("/login?") || raw.startsWith("/api/")) return "/";
  return raw;
}

export type LoginReason = "expired" | "signed-out";

export function loginUrl(returnTo: string, reason?: LoginReason): string {
  const params = new URLSearchParams({ returnTo: safeReturnTo(returnTo) });
  if (reason) params.set("reason", reason);
  return `/login?${params.toString()}`;
}
