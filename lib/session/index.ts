import "server-only";
import { randomBytes } from "node:crypto";

export type { SessionData } from "./data";
export { readSession, type SessionState } from "./read";
export { tenantOf, toSessionInfo, userKeyOf } from "./data";
export {
  sessionCookieName,
  oauthStateCookieName,
  clearedCookie,
  writeCookies,
  SessionTooLargeError,
  type CookieSpec,
} from "./cookie";
export { sessionEndsAt } from "./lifetime";
export { revokeSession } from "./revocation";
export { refreshSessionToken, SessionEndedError, AuthUnavailableError } from "./refresh";
export { resumeSession, endSession, cookieForNewSession, cookiesForUpdate } from "./resume";

export function newSessionId(): string {
  return randomBytes(18).toString("base64url");
}
