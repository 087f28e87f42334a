/** Random identifiers in Anaplan's formats. */
import { randomBytes, randomUUID } from "node:crypto";

export const uuid = (): string => randomUUID();
export const hex32Upper = (): string => randomBytes(16).toString("hex").toUpperCase();
const b64url = (buf: Buffer): string => buf.toString("base64url");

/** An opaque token that looks like a JWT (three base64url segments), starting with `prefix`. */
export function opaqueToken(prefix: string): string {
  const header = b64url(Buffer.from(JSON.stringify({ alg: "RS256", typ: "JWT" })));
  return `${prefix}${header}.${b64url(randomBytes(48))}.${b64url(randomBytes(32))}`;
}

/** A short opaque string such as an authorization code or a refresh token. */
export function opaqueCode(prefix: string, bytes = 32): string {
  return `${prefix}${b64url(randomBytes(bytes))}`;
}
