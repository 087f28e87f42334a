import "server-only";
import { sealData, unsealData } from "iron-session";
import { getConfig } from "@/lib/config";
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

interface CookieJar {
  set(options: CookieSpec): unknown;
}

const SEAL_TTL_SECONDS = Math.ceil((SESSION_ABSOLUTE_MS + CLOCK_SKEW_MS) / 1000);

export async function sealSession(data: SessionData): Promise<string> {
  const sealed = await sealData(data, { password: sessionKeys(getConfig().sessionSecrets).seal, ttl: SEAL_TTL_SECONDS });
  const name = sessionCookieName();
  // name=value plus the longest attribute string we emit.
  if (name.length + 1 + sealed.length + 80 > MAX_COOKIE_BYTES) throw new SessionTooLargeError();
  return sealed;
}

/**
 * Unseals a cookie value. Every failure (forged, tampered, truncated, expired, foreign secret, old format,
 * wrong shape) reads as `null`: iron-session 8 throws on some of these ("Wrong mac prefix", "Invalid expiration").
 */
export async function unsealSession(value: string | undefined): Promise<SessionData | null> {
  if (!value || value.length > 8192) return null;
  try {
    const raw = await unsealData<unknown>(value, {
      password: sessionKeys(getConfig().sessionSecrets).unseal,
      ttl: SEAL_TTL_SECONDS,
    });
    const parsed = sessionDataSchema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function sessionCookie(value: string, data: SessionData, now: number = Date.now()): CookieSpec {
  const remaining = Math.max(1, Math.floor((sessionEndsAt(data) - now) / 1000));
  return {
    name: sessionCookieName(),
    value,
    httpOnly: true,
    secure: getConfig().secureCookies,
    sameSite: "lax",
    path: "/",
    maxAge: remaining,
  };
}

export function clearedCookie(name: string): CookieSpec {
  return { name, value: "", httpOnly: true, secure: getConfig().secureCookies, sameSite: "lax", path: "/", maxAge: 0 };
}

export function setCookie(jar: CookieJar, spec: CookieSpec): void {
  jar.set(spec);
}
