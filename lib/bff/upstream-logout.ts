import "server-only";
import { logoutAuthToken } from "@/lib/anaplan/auth";
import { refreshOAuthToken } from "@/lib/anaplan/oauth";

const ONCE = { timeoutMs: 3000, retry: { maxAttempts: 1 } };

/** Ends a session's Anaplan side: the token signed out, an OAuth refresh token spent. Best effort, never throws. */
export async function logoutUpstream(data: {
  token?: string | undefined;
  refreshToken?: string | undefined;
}): Promise<void> {
  await Promise.all([
    data.token ? logoutAuthToken(data.token, ONCE).catch(() => undefined) : undefined,
    data.refreshToken ? burnRefreshToken(data.refreshToken) : undefined,
  ]);
}

/**
 * Anaplan documents no OAuth revocation endpoint. A rotating refresh token is single-use, so spending it once
 * (and signing out the access token that comes back) leaves a copied cookie with a dead refresh token.
 */
async function burnRefreshToken(refreshToken: string): Promise<void> {
  try {
    const tokens = await refreshOAuthToken(refreshToken, ONCE);
    await logoutAuthToken(tokens.accessToken, ONCE);
  } catch {
    // the session is over locally either way
  }
}
