/** OAuth authorization codes and rotating refresh tokens. */
import { opaqueCode } from "./ids";

export const CODE_LIFETIME_MS = 120_000;
/** Rotatable refresh token lifetime (Anaplan's default: 43,000 s). */
export const REFRESH_LIFETIME_MS = 43_000_000;

export interface AuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  userId: string;
  scope: string;
  expiresAt: number;
  used: boolean;
  /** Access tokens and refresh tokens issued from this code (revoked if the code is replayed). */
  issued: string[];
}

export interface RefreshToken {
  value: string;
  clientId: string;
  userId: string;
  scope: string;
  expiresAt: number;
  used: boolean;
}

export class OAuthStore {
  private readonly codes = new Map<string, AuthCode>();
  private readonly refreshTokens = new Map<string, RefreshToken>();

  issueCode(fields: Omit<AuthCode, "code" | "expiresAt" | "used" | "issued">, now: number, prefix: string): AuthCode {
    const code: AuthCode = {
      ...fields,
      code: opaqueCode(prefix, 24),
      expiresAt: now + CODE_LIFETIME_MS,
      used: false,
      issued: [],
    };
    this.codes.set(code.code, code);
    return code;
  }

  code(value: string): AuthCode | undefined {
    return this.codes.get(value);
  }

  issueRefresh(fields: Omit<RefreshToken, "value" | "expiresAt" | "used">, now: number, prefix: string): RefreshToken {
    const token: RefreshToken = {
      ...fields,
      value: opaqueCode(prefix, 36),
      expiresAt: now + REFRESH_LIFETIME_MS,
      used: false,
    };
    this.refreshTokens.set(token.value, token);
    return token;
  }

  refresh(value: string): RefreshToken | undefined {
    return this.refreshTokens.get(value);
  }

  clear(): void {
    this.codes.clear();
    this.refreshTokens.clear();
  }
}
