/** Access tokens of the auth service (Basic) and of the OAuth service, both usable on the Integration API. */
import { opaqueToken, uuid } from "./ids";

export interface AccessToken {
  value: string;
  tokenId: string;
  refreshTokenId: string;
  userId: string;
  expiresAt: number;
  revoked: boolean;
  source: "basic" | "oauth";
}

export class TokenStore {
  private readonly tokens = new Map<string, AccessToken>();

  issue(
    userId: string,
    source: AccessToken["source"],
    now: number,
    lifetimeSeconds: number,
    prefix: string,
  ): AccessToken {
    const token: AccessToken = {
      value: opaqueToken(prefix),
      tokenId: uuid(),
      refreshTokenId: uuid(),
      userId,
      expiresAt: now + lifetimeSeconds * 1000,
      revoked: false,
      source,
    };
    this.tokens.set(token.value, token);
    return token;
  }

  /** The live token with this value, or undefined when unknown, expired or revoked. */
  live(value: string, now: number): AccessToken | undefined {
    const token = this.tokens.get(value);
    if (!token || token.revoked || token.expiresAt <= now) return undefined;
    return token;
  }

  revoke(value: string): void {
    const token = this.tokens.get(value);
    if (token) token.revoked = true;
  }

  clear(): void {
    this.tokens.clear();
  }
}
