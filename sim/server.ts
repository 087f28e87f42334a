/**
 * The Anaplan simulator: one node:http server serving the auth service (/token/*), the OAuth service
 * (/auth/authorize, /oauth/token), the Integration API (/2/0/*) and the control API (/__sim/*).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Ctx, ServiceBases } from "./http/context";
import { apiError } from "./http/respond";
import { handleAuth } from "./services/auth";
import { handleControl } from "./services/control";
import { handleIntegration } from "./services/integration";
import { handleOAuth } from "./services/oauth";
import type { Config } from "./state/config";
import { authSchemeOf, tokenUserOf } from "./state/request-log";
import { SimState } from "./state/sim-state";

export type { Config } from "./state/config";

export const DEFAULT_REDIRECT_URIS = [
  "http://localhost:3000/api/auth/oauth/callback",
  "http://127.0.0.1:3000/api/auth/oauth/callback",
  "http://localhost:3123/api/auth/oauth/callback",
  "http://127.0.0.1:3123/api/auth/oauth/callback",
];

export interface SimulatorOptions {
  port?: number;
  host?: string;
  /** Extra registered OAuth redirect URIs (env SIM_OAUTH_REDIRECT_URIS adds more, comma-separated). */
  oauthRedirectUris?: string[];
  /** Optional path prefixes per service, e.g. { auth: "/auth-svc" } serves /auth-svc/token/authenticate. */
  prefixes?: Partial<ServiceBases>;
  /** Initial configuration (also what POST /__sim/reset returns to). */
  config?: Partial<Config>;
}

export interface RunningSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function normalisePrefix(prefix: string | undefined): string {
  if (!prefix || prefix === "/") return "";
  return `/${prefix.replace(/^\/+|\/+$/g, "")}`;
}

function redirectUris(options: SimulatorOptions): string[] {
  const fromEnv = (process.env.SIM_OAUTH_REDIRECT_URIS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set([...DEFAULT_REDIRECT_URIS, ...fromEnv, ...(options.oauthRedirectUris ?? [])])];
}

function under(pathname: string, prefix: string): string | undefined {
  if (prefix === "") return pathname;
  if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return pathname.slice(prefix.length) || "/";
  return undefined;
}

async function dispatch(ctx: Ctx): Promise<void> {
  const { pathname, bases } = ctx;
  const api = under(pathname, `${bases.api}/2/0`);
  if (api !== undefined) return handleIntegration(ctx, api);
  const auth = under(pathname, bases.auth);
  if (auth?.startsWith("/token/") && handleAuth(ctx, auth)) return;
  const oauth = under(pathname, bases.oauth);
  if (oauth !== undefined && (await handleOAuth(ctx, oauth))) return;
  apiError(ctx, 404);
}

function createHandler(state: SimState, bases: ServiceBases, fallbackOrigin: () => string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const origin = req.headers.host ? `http://${req.headers.host}` : fallbackOrigin();
    let url: URL;
    try {
      url = new URL(req.url ?? "/", origin);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const method = (req.method ?? "GET").toUpperCase();
    const ctx: Ctx = { req, res, url, method, pathname: url.pathname, state, origin, bases };
    try {
      if (url.pathname === "/__sim" || url.pathname.startsWith("/__sim/")) {
        await handleControl(ctx, url.pathname);
        return;
      }
      const time = new Date(state.clock.now()).toISOString();
      const userId = tokenUserOf(req.headers.authorization, (token) => state.tokens.live(token, state.clock.now()));
      let logged = false;
      const log = (status: number) => {
        if (logged) return;
        logged = true;
        state.log.add({
          method,
          path: url.pathname + url.search,
          status,
          authScheme: authSchemeOf(req.headers.authorization),
          cookie: req.headers.cookie !== undefined,
          time,
          ...(userId ? { userId } : {}),
        });
      };
      res.on("finish", () => log(res.statusCode));
      res.on("close", () => log(res.headersSent ? res.statusCode : 0));

      const fault = state.faults.take(method, url.pathname);
      if (fault) {
        if (fault.delayMs > 0) await sleep(fault.delayMs);
        if (fault.mode === "reset") {
          req.socket.destroy();
          return;
        }
        if (fault.mode === "status") {
          const headers: Record<string, string> = fault.retryAfter ? { "Retry-After": fault.retryAfter } : {};
          apiError(ctx, fault.status ?? 500, undefined, headers);
          return;
        }
        if (fault.mode === "truncate") ctx.effect = "truncate";
        if (fault.mode === "malformed-json") ctx.effect = "malformed-json";
      }
      await dispatch(ctx);
    } catch (err) {
      if (!res.headersSent) {
        apiError(ctx, 500);
      } else {
        res.destroy(err instanceof Error ? err : undefined);
      }
    }
  };
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? "127.0.0.1";
  const state = new SimState(options.config ?? {}, redirectUris(options));
  const bases: ServiceBases = {
    auth: normalisePrefix(options.prefixes?.auth),
    oauth: normalisePrefix(options.prefixes?.oauth),
    api: normalisePrefix(options.prefixes?.api),
  };
  let url = "";
  const server = createServer(createHandler(state, bases, () => url));
  // Longer than any client keeps an idle connection (undici: the server's hint less a margin), so a client never
  // reuses a socket the server is closing: under load that race surfaced as ECONNRESET in tests.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  url = `http://${urlHost}:${port}`;
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
