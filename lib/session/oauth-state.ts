import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { z } from "zod";
import { getConfig } from "@/lib/config";
import { sessionKeys } from "./keys";
import { cookieSpec, oauthStateCookieName, type CookieSpec } from "./cookie";

/** The pre-sign-in cookie that binds an OAuth `state` to this browser. Lax, so it survives the redirect back. */
export const OAUTH_STATE_TTL_SECONDS = 10 * 60;

const stateSchema = z.object({
  state: z.string().regex(/^[A-Za-z0-9_-]{32,128}$/),
  /** PKCE (S256) verifier; harmless if Anaplan ignores PKCE. */
  codeVerifier: z.string().regex(/^[A-Za-z0-9_-]{43,128}$/),
  returnTo: z.string().max(2048),
  createdAt: z.number().int(),
});
export type OAuthPending = z.infer<typeof stateSchema>;

export function newOAuthState(): string {
  return randomBytes(32).toString("base64url");
}

export async function sealOAuthState(pending: OAuthPending): Promise<CookieSpec> {
  const value = await sealData(pending, {
    password: sessionKeys(getConfig().sessionSecrets).seal,
    ttl: OAUTH_STATE_TTL_SECONDS,
  });
  return cookieSpec(oauthStateCookieName(), value, OAUTH_STATE_TTL_SECONDS);
}

export async function unsealOAuthState(
  value: string | undefined,
  now: number = Date.now(),
): Promise<OAuthPending | null> {
  if (!value || value.length > 4096) return null;
  try {
    const raw = await unsealData<unknown>(value, {
      password: sessionKeys(getConfig().sessionSecrets).unseal,
      ttl: OAUTH_STATE_TTL_SECONDS,
    });
    const parsed = stateSchema.safeParse(raw);
    if (!parsed.success) return null;
    if (now - parsed.data.createdAt > OAUTH_STATE_TTL_SECONDS * 1000 || parsed.data.createdAt > now + 60_000)
      return null;
    return parsed.data;
  } catch {
    return null;
  }
}

export function statesMatch(expected: string, received: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}
