/** The Anaplan Authentication Service: /token/authenticate, /token/refresh, /token/validate, /token/logout. */
import type { Ctx } from "../http/context";
import { sendEmpty, sendJson } from "../http/respond";
import { CUSTOMER_ID, findUserByEmail, findUserById } from "../seed/directory";
import { SEED } from "../seed/ids";
import type { AccessToken } from "../state/tokens";

/** Anaplan's auth service always names its public validation URL here (the OpenAPI document pins it). */
const VALIDATION_URL = "https://auth.anaplan.com/token/validate";
const BAD_HEADER = "Invalid header. Verify the header.";

function failure(
  ctx: Ctx,
  status: 400 | 401,
  code: "FAILURE_BAD_HEADER" | "FAILURE_BAD_CREDENTIAL",
  message: string,
): void {
  sendJson(ctx, status, { status: code, statusMessage: message });
}

function tokenBody(token: AccessToken, statusMessage: string) {
  return {
    meta: { validationUrl: VALIDATION_URL },
    status: "SUCCESS",
    statusMessage,
    tokenInfo: {
      tokenId: token.tokenId,
      tokenValue: token.value,
      expiresAt: token.expiresAt,
      refreshTokenId: token.refreshTokenId,
    },
  };
}

/** Parses `Authorization: Basic base64(email:password)`; undefined when malformed. */
function parseBasic(value: string): { email: string; password: string } | undefined {
  const encoded = value.slice("Basic ".length).trim();
  if (!encoded || !/^[A-Za-z0-9+/]+=*$/.test(encoded)) return undefined;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return undefined;
  return { email: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function authenticate(ctx: Ctx): void {
  const header = ctx.req.headers.authorization;
  if (!header) return failure(ctx, 401, "FAILURE_BAD_CREDENTIAL", "Authentication failed. Check your credentials.");
  if (header.startsWith("CACertificate ")) {
    return failure(ctx, 401, "FAILURE_BAD_CREDENTIAL", "Certificate authentication is not enabled for this tenant.");
  }
  if (!header.startsWith("Basic ")) return failure(ctx, 400, "FAILURE_BAD_HEADER", BAD_HEADER);
  const creds = parseBasic(header);
  if (!creds) return failure(ctx, 400, "FAILURE_BAD_HEADER", BAD_HEADER);
  const user = findUserByEmail(creds.email);
  if (!user || creds.password !== SEED.password) {
    return failure(ctx, 401, "FAILURE_BAD_CREDENTIAL", "Authentication failed. Check your credentials.");
  }
  const { state } = ctx;
  const token = state.tokens.issue(
    user.id,
    "basic",
    state.clock.now(),
    state.config.tokenLifetimeSeconds,
    state.config.tokenPrefix,
  );
  sendJson(ctx, 201, tokenBody(token, "Login successful"));
}

/**
 * The token named by `Authorization: AnaplanAuthToken <t>`. Answers the error itself and returns undefined when the
 * header is missing, malformed, Bearer (400, or 401 on logout) or the token is unknown/expired/revoked (401).
 */
function requireToken(ctx: Ctx, bearerStatus: 400 | 401): AccessToken | undefined {
  const header = ctx.req.headers.authorization ?? "";
  const match = /^AnaplanAuthToken +(\S+)\s*$/.exec(header);
  if (!match?.[1]) {
    if (header.startsWith("Bearer ") && bearerStatus === 401) {
      failure(ctx, 401, "FAILURE_BAD_CREDENTIAL", "Invalid token. Verify the token.");
    } else {
      failure(ctx, 400, "FAILURE_BAD_HEADER", BAD_HEADER);
    }
    return undefined;
  }
  const token = ctx.state.tokens.live(match[1], ctx.state.clock.now());
  if (!token) {
    failure(ctx, 401, "FAILURE_BAD_CREDENTIAL", "Invalid token. Verify the token.");
    return undefined;
  }
  return token;
}

function refresh(ctx: Ctx): void {
  const token = requireToken(ctx, 400);
  if (!token) return;
  const { state } = ctx;
  token.expiresAt = state.clock.now() + state.config.tokenLifetimeSeconds * 1000;
  sendJson(ctx, 200, tokenBody(token, "Token refreshed"));
}

function validate(ctx: Ctx): void {
  const token = requireToken(ctx, 400);
  if (!token) return;
  const user = findUserById(token.userId);
  sendJson(ctx, 200, {
    meta: { validationUrl: VALIDATION_URL },
    status: "SUCCESS",
    statusMessage: "Token validated",
    tokenInfo: { expiresAt: token.expiresAt, tokenId: token.tokenId },
    userInfo: { userGuid: token.userId, userId: user?.email ?? "", customerGuid: CUSTOMER_ID },
  });
}

function logout(ctx: Ctx): void {
  const token = requireToken(ctx, 401);
  if (!token) return;
  ctx.state.tokens.revoke(token.value);
  sendEmpty(ctx, 204);
}

const ROUTES: Record<string, Partial<Record<string, (ctx: Ctx) => void>>> = {
  "/token/authenticate": { POST: authenticate },
  "/token/refresh": { POST: refresh },
  "/token/validate": { GET: validate },
  "/token/logout": { POST: logout },
};

/** Handles a request whose path (after the service prefix) starts with /token/. Returns false when not ours. */
export function handleAuth(ctx: Ctx, path: string): boolean {
  const route = ROUTES[path.replace(/\/$/, "")];
  if (!route) return false;
  const handler = route[ctx.method];
  if (!handler) {
    sendJson(ctx, 405, { status: "FAILURE_METHOD_NOT_ALLOWED", statusMessage: "Method not allowed." });
    return true;
  }
  handler(ctx);
  return true;
}
