import { z } from "zod";
import type { AuthMethod, SessionInfo } from "@/lib/shared/types";
import { sessionEndsAt } from "./lifetime";

/**
 * Everything the sealed cookie holds (README, "Security properties"): the token and its expiry, the auth method, the user,
 * created-at / last-seen-at, and the OAuth refresh token when OAuth is used. `sid` identifies the session for the
 * in-process revocation list. Never the password.
 */
export const sessionDataSchema = z.object({
  v: z.literal(1),
  sid: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  authMethod: z.enum(["basic", "oauth"]),
  token: z.string().min(1).max(8192),
  tokenExpiresAt: z.number().int().nonnegative(),
  tokenIssuedAt: z.number().int().nonnegative(),
  refreshToken: z.string().min(1).max(8192).optional(),
  user: z.object({
    id: z.string().max(200),
    email: z.string().max(320),
    name: z.string().max(200),
    /** Anaplan customer id from /users/me; sessions sealed before it was kept have none. */
    tenantId: z.string().max(200).optional(),
  }),
  createdAt: z.number().int().nonnegative(),
  lastSeenAt: z.number().int().nonnegative(),
});

export type SessionData = z.infer<typeof sessionDataSchema>;

export function toSessionInfo(data: SessionData): SessionInfo {
  const authMethod: AuthMethod = data.authMethod;
  return {
    user: { id: data.user.id, email: data.user.email, name: data.user.name },
    authMethod,
    expiresAt: sessionEndsAt(data),
  };
}

/** The tenant whose ledger rows this session may see; a session without one sees only its own user's scope. */
export function tenantOf(data: SessionData): string {
  return data.user.tenantId ?? `user:${userKeyOf(data)}`;
}

/** The key per-user caches use: the Anaplan user id (not secret, stable across sessions). */
export function userKeyOf(data: SessionData): string {
  return data.user.id || data.user.email.toLowerCase();
}
