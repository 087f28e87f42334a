/** The Anaplan OAuth 2.0 service: authorization-code grant with a sign-in page, and rotating refresh tokens. */
import type { Ctx } from "../http/context";
import { BodyError, readFields } from "../http/body";
import { sendJson, sendRaw } from "../http/respond";
import { findUserByEmail, findUserById, fullName, type SeedUser } from "../seed/directory";
import { SEED } from "../seed/ids";
import { opaqueToken } from "../state/ids";
import { signInPage } from "./oauth-page";

const CLIENT = { ...SEED.oauthClient, name: "Export Desk" };
const GRANTED_SCOPES = ["openid", "email", "offline_access"];
const LOGIN_PATH = "/auth/login";
const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

type OAuthErrorCode =
  "invalid_request" | "invalid_grant" | "access_denied" | "unauthorized_client" | "unsupported_grant_type";

function oauthError(ctx: Ctx, status: number, error: OAuthErrorCode, description: string): void {
  sendJson(ctx, status, { error, error_description: description }, NO_STORE);
}

function grantedScope(requested: string | undefined): string {
  if (!requested) return GRANTED_SCOPES.join(" ");
  const asked = requested.split(/\s+/).filter(Boolean);
  // Anaplan silently drops `profile`; unknown scopes are ignored too.
  return GRANTED_SCOPES.filter((s) => asked.includes(s)).join(" ") || "openid";
}

function redirectTo(ctx: Ctx, redirectUri: string, params: Record<string, string | undefined>): void {
  const target = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) target.searchParams.set(k, v);
  ctx.res.writeHead(302, { Location: target.toString(), "Cache-Control": "no-store" });
  ctx.res.end();
}

function html(ctx: Ctx, status: number, body: string): void {
  sendRaw(ctx, status, "text/html; charset=utf-8", Buffer.from(body, "utf8"), { "Cache-Control": "no-store" });
}

interface AuthorizeParams {
  response_type?: string;
  client_id?: string;
  redirect_uri?: string;
  scope?: string;
  state?: string;
}

/** Checks client_id and redirect_uri; on failure answers 400 itself (never redirects to an unregistered URI). */
function checkClient(ctx: Ctx, p: AuthorizeParams): p is AuthorizeParams & { redirect_uri: string } {
  if (p.client_id !== CLIENT.clientId) {
    oauthError(ctx, 400, "invalid_request", "Unknown client_id.");
    return false;
  }
  if (!p.redirect_uri || !ctx.state.redirectUris.includes(p.redirect_uri)) {
    oauthError(ctx, 400, "invalid_request", "The redirect_uri is not registered for this client.");
    return false;
  }
  return true;
}

function hiddenFields(p: AuthorizeParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ["response_type", "client_id", "redirect_uri", "scope", "state"] as const) {
    const v = p[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** GET /auth/authorize: checks the request, then 302 to the sign-in page (as Anaplan does). */
function authorize(ctx: Ctx): void {
  const p = Object.fromEntries(ctx.url.searchParams) as AuthorizeParams;
  if (!checkClient(ctx, p)) return;
  if (p.response_type !== "code") {
    return redirectTo(ctx, p.redirect_uri, {
      error: "unsupported_response_type",
      error_description: "Only response_type=code is supported.",
      state: p.state,
    });
  }
  const login = new URL(`${ctx.origin}${ctx.bases.oauth}${LOGIN_PATH}`);
  for (const [k, v] of Object.entries(hiddenFields(p))) login.searchParams.set(k, v);
  ctx.res.writeHead(302, { Location: login.toString(), "Cache-Control": "no-store" });
  ctx.res.end();
}

/** GET /auth/login (and /auth/prelogin): the sign-in form. */
function loginPage(ctx: Ctx): void {
  const p = Object.fromEntries(ctx.url.searchParams) as AuthorizeParams;
  if (!checkClient(ctx, p)) return;
  html(
    ctx,
    200,
    signInPage({ action: `${ctx.bases.oauth}${LOGIN_PATH}`, hidden: hiddenFields(p), clientName: CLIENT.name }),
  );
}

async function authorizeSubmit(ctx: Ctx): Promise<void> {
  let fields: Record<string, string>;
  try {
    fields = await readFields(ctx.req);
  } catch (e) {
    if (e instanceof BodyError) return oauthError(ctx, 400, "invalid_request", e.message);
    throw e;
  }
  const p: AuthorizeParams = fields;
  if (!checkClient(ctx, p)) return;
  if (p.response_type !== "code") {
    return redirectTo(ctx, p.redirect_uri, { error: "unsupported_response_type", state: p.state });
  }
  if (fields.decision === "deny") {
    return redirectTo(ctx, p.redirect_uri, {
      error: "access_denied",
      error_description: "The user cancelled the sign-in.",
      state: p.state,
    });
  }
  const user = findUserByEmail(fields.email ?? "");
  if (!user || fields.password !== SEED.password) {
    return html(
      ctx,
      401,
      signInPage({
        action: `${ctx.bases.oauth}${LOGIN_PATH}`,
        hidden: hiddenFields(p),
        clientName: CLIENT.name,
        email: fields.email,
        error: "Incorrect email or password. Try again.",
      }),
    );
  }
  const { state } = ctx;
  const code = state.oauth.issueCode(
    { clientId: CLIENT.clientId, redirectUri: p.redirect_uri, userId: user.id, scope: grantedScope(p.scope) },
    state.clock.now(),
    state.config.tokenPrefix,
  );
  redirectTo(ctx, p.redirect_uri, { code: code.code, state: p.state });
}

/** Fake but well-formed id_token (unsigned claims in a JWT-shaped string). */
function idToken(ctx: Ctx, user: SeedUser, now: number): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const claims = {
    iss: `${ctx.origin}${ctx.bases.oauth}/`,
    sub: user.id,
    aud: CLIENT.clientId,
    email: user.email,
    name: fullName(user),
    iat: Math.floor(now / 1000),
    exp: Math.floor(now / 1000) + ctx.state.config.tokenLifetimeSeconds,
  };
  const sig = opaqueToken("").split(".")[2] ?? "";
  return `${ctx.state.config.tokenPrefix}${b64({ alg: "RS256", typ: "JWT" })}.${b64(claims)}.${sig}`;
}

function issueTokens(ctx: Ctx, userId: string, scope: string): { body: Record<string, unknown>; issued: string[] } {
  const { state } = ctx;
  const now = state.clock.now();
  const user = findUserById(userId);
  const access = state.tokens.issue(userId, "oauth", now, state.config.tokenLifetimeSeconds, state.config.tokenPrefix);
  const body: Record<string, unknown> = { access_token: access.value };
  if (user && scope.split(" ").includes("openid")) body.id_token = idToken(ctx, user, now);
  const issued = [access.value];
  if (scope.split(" ").includes("offline_access")) {
    const refresh = state.oauth.issueRefresh(
      { clientId: CLIENT.clientId, userId, scope },
      now,
      state.config.tokenPrefix,
    );
    body.refresh_token = refresh.value;
    issued.push(refresh.value);
  }
  Object.assign(body, { scope, expires_in: state.config.tokenLifetimeSeconds, token_type: "Bearer" });
  return { body, issued };
}

async function token(ctx: Ctx): Promise<void> {
  let f: Record<string, string>;
  try {
    f = await readFields(ctx.req);
  } catch (e) {
    if (e instanceof BodyError) return oauthError(ctx, 400, "invalid_request", e.message);
    throw e;
  }
  const { state } = ctx;
  const now = state.clock.now();
  if (!f.grant_type) return oauthError(ctx, 400, "invalid_request", "Missing required parameter: grant_type.");
  if (f.grant_type !== "authorization_code" && f.grant_type !== "refresh_token") {
    return oauthError(ctx, 400, "unsupported_grant_type", `Unsupported grant type: ${f.grant_type}.`);
  }
  if (!f.client_id) return oauthError(ctx, 400, "invalid_request", "Missing required parameter: client_id.");
  if (f.client_id !== CLIENT.clientId || f.client_secret !== CLIENT.clientSecret) {
    return oauthError(ctx, 401, "access_denied", "Unauthorized: invalid client credentials.");
  }
  if (f.grant_type === "authorization_code") {
    if (!f.code || !f.redirect_uri)
      return oauthError(ctx, 400, "invalid_request", "Missing required parameter: code or redirect_uri.");
    const code = state.oauth.code(f.code);
    if (!code || code.clientId !== f.client_id)
      return oauthError(ctx, 400, "invalid_grant", "Invalid authorization code.");
    if (code.used) {
      // A replayed code revokes what it issued (RFC 6749 §4.1.2).
      for (const value of code.issued) {
        state.tokens.revoke(value);
        const rt = state.oauth.refresh(value);
        if (rt) rt.used = true;
      }
      return oauthError(ctx, 400, "invalid_grant", "Authorization code has already been used.");
    }
    if (code.expiresAt <= now) return oauthError(ctx, 400, "invalid_grant", "Authorization code has expired.");
    if (code.redirectUri !== f.redirect_uri)
      return oauthError(ctx, 400, "invalid_grant", "redirect_uri does not match the authorization request.");
    code.used = true;
    const { body, issued } = issueTokens(ctx, code.userId, code.scope);
    code.issued = issued;
    return sendJson(ctx, 200, body, NO_STORE);
  }
  if (!f.refresh_token) return oauthError(ctx, 400, "invalid_request", "Missing required parameter: refresh_token.");
  const rt = state.oauth.refresh(f.refresh_token);
  if (!rt || rt.clientId !== f.client_id)
    return oauthError(ctx, 400, "invalid_grant", "Unknown or invalid refresh token.");
  if (rt.used) return oauthError(ctx, 400, "invalid_grant", "Refresh token has already been used.");
  if (rt.expiresAt <= now) return oauthError(ctx, 400, "invalid_grant", "Refresh token has expired.");
  rt.used = true;
  return sendJson(ctx, 200, issueTokens(ctx, rt.userId, rt.scope).body, NO_STORE);
}

/** Handles the OAuth service paths; returns false when the path is not one of them. */
export async function handleOAuth(ctx: Ctx, path: string): Promise<boolean> {
  const p = path.replace(/\/$/, "");
  if (p === "/auth/authorize" || p === LOGIN_PATH || p === "/auth/prelogin") {
    if (ctx.method === "GET") {
      if (p === "/auth/authorize") authorize(ctx);
      else loginPage(ctx);
    } else if (ctx.method === "POST") await authorizeSubmit(ctx);
    else oauthError(ctx, 405, "invalid_request", "Method not allowed.");
    return true;
  }
  if (p === "/oauth/token") {
    if (ctx.method === "POST") await token(ctx);
    else oauthError(ctx, 405, "invalid_request", "Method not allowed.");
    return true;
  }
  return false;
}
