import "server-only";
import { sealData, unsealData } from "iron-session";
import { getConfig } from "@/lib/config";
import { deepFreeze } from "@/lib/shared/deep-freeze";
import { sessionKeys } from "./keys";
import { sessionDataSchema, type SessionData } from "./data";
import { CLOCK_SKEW_MS, SESSION_ABSOLUTE_MS, sessionEndsAt } from "./lifetime";

/** `__Host-` (Secure, Path=/, no Domain) whenever cookies are Secure; plain names only for the plain-http demo. */
export function sessionCookieName(): string {
  return getConfig().secureCookies ? "__Host-export-desk" : "export-desk";
}

export function oauthStateCookieName(): string {
  return getConfig().secureCookies ? "__Host-export-desk-oauth" : "export-desk-oauth";
}

/** Stay well below the 4096-byte browser limit for name + value + attributes. */
export const MAX_COOKIE_BYTES = 3800;

export class SessionTooLargeError extends Error {
  override name = "SessionTooLargeError";
  constructor() {
    super("The Anaplan sign-in returned more data than fits in a session cookie.");
  }
}

export interface CookieSpec {
  name: string;
  value: string;
  httpOnly: true;
  secure: boolean;
  sameSite: "lax";
  path: "/";
  maxAge: number;
}

const SEAL_TTL_SECONDS = Math.ceil((SESSION_ABSOLUTE_MS + CLOCK_SKEW_MS) / 1000);

export async function sealSession(data: SessionData): Promise<string> {
  const sealed = await sealData(data, {
    password: sessionKeys(getConfig().sessionSecrets).seal,
    ttl: SEAL_TTL_SECONDS,
  });
  const name = sessionCookieName();
  // name=value plus the longest attribute string we emit.
  if (name.length + 1 + sealed.length + 80 > MAX_COOKIE_BYTES) throw new SessionTooLargeError();
  return sealed;
}

/**
 * Unseals a cookie value. Every failure (forged, tampered, truncated, expired, foreign secret, old format,
 * wrong shape) reads as `null`: iron-session 8 throws on some of these ("Wrong mac prefix", "Invalid expiration").
 *
 * Polling browsers send the same cookie every few seconds; unsealing costs two key derivations and an HMAC.
 * A cookie that unsealed recently is remembered for UNSEALED_TTL_MS (per configuration, so a change of
 * secrets forgets everything). Only the exact sealed string finds an entry; lifetimes and revocation are
 * still checked on every request by the callers. The remembered data is frozen and handed out as it is (a copy
 * per request cost more than the rest of the session check); changes always make a new object.
 */
const UNSEALED_TTL_MS = 60_000;
const UNSEALED_MAX = 10_000;
const unsealed = new WeakMap<object, Map<string, { data: SessionData; at: number }>>();

export async function unsealSession(value: string | undefined): Promise<SessionData | null> {
  if (!value || value.length > 8192) return null;
  const config = getConfig();
  let recent = unsealed.get(config);
  if (!recent) unsealed.set(config, (recent = new Map()));
  const hit = recent.get(value);
  if (hit && Date.now() - hit.at < UNSEALED_TTL_MS) return hit.data;
  try {
    const raw = await unsealData<unknown>(value, {
      password: sessionKeys(config.sessionSecrets).unseal,
      ttl: SEAL_TTL_SECONDS,
    });
    const parsed = sessionDataSchema.safeParse(raw);
    if (!parsed.success) return null;
    const data = deepFreeze(parsed.data);
    recent.delete(value);
    recent.set(value, { data, at: Date.now() });
    if (recent.size > UNSEALED_MAX) recent.delete(recent.keys().next().value as string);
    return data;
  } catch {
    return null;
  }
}

/** Every cookie of ours: HttpOnly, SameSite=Lax, Path=/, Secure unless the app is served over plain http. */
export function cookieSpec(name: string, value: string, maxAge: number): CookieSpec {
  return { name, value, httpOnly: true, secure: getConfig().secureCookies, sameSite: "lax", path: "/", maxAge };
}

export function sessionCookie(value: string, data: SessionData, now: number = Date.now()): CookieSpec {
  return cookieSpec(sessionCookieName(), value, Math.max(1, Math.floor((sessionEndsAt(data) - now) / 1000)));
}

export function clearedCookie(name: string): CookieSpec {
  return cookieSpec(name, "", 0);
}

/** The one place a `Set-Cookie` line is built; works on any Response's headers (streams and redirects included). */
export function writeCookies(headers: Headers, specs: readonly CookieSpec[]): void {
  for (const spec of specs) {
    const parts = [`${spec.name}=${spec.value}`, `Path=${spec.path}`, `Max-Age=${spec.maxAge}`];
    if (spec.maxAge === 0) parts.push("Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    parts.push("HttpOnly");
    if (spec.secure) parts.push("Secure");
    parts.push("SameSite=Lax");
    headers.append("Set-Cookie", parts.join("; "));
  }
}
