/**
 * Reads and validates Export Desk's environment variables (names and meanings: the README's table and `.env.example`).
 * Pure: takes the environment as an argument so tests can exercise every branch.
 */
export interface AppConfig {
  anaplanApiUrl: string;
  anaplanAuthUrl: string;
  anaplanOAuthUrl: string;
  oauth: { clientId: string; clientSecret: string } | null;
  /** First seals, all unseal. */
  sessionSecrets: string[];
  appOrigin: string;
  /** Cookies carry `Secure` unless the app is served over plain http (the local demo). */
  secureCookies: boolean;
  port: number;
  /** PostgreSQL server for the team ledger; null means the embedded database (or none on Vercel). */
  databaseUrl: string | null;
  /** Where the embedded database (PGlite) keeps its files. */
  dataDir: string;
  /** Which database holds the ledger: a server, the embedded one, or none (Vercel without DATABASE_URL). */
  ledgerEngine: "postgres" | "pglite" | "off";
  ledgerRetentionDays: number;
  /** How many proxies append to X-Forwarded-For; 0 means the socket address is the client. */
  trustProxy: number;
  /** The ceiling on calls to Anaplan (lib/anaplan/rate-limit.ts). */
  anaplanRateLimits: AnaplanRateLimits;
}

export interface AnaplanRateLimits {
  userPerSecond: number;
  userBurst: number;
  tenantPerSecond: number;
  tenantBurst: number;
  backgroundPerSecond: number;
  /** Tenant tokens background calls leave for people: half the tenant burst. */
  backgroundReserve: number;
  /** A person's call that would wait longer for a token fails at once (429) instead. */
  maxWaitMs: number;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

const DEV_SESSION_SECRET = "export-desk-development-only-secret-do-not-use-in-production";
const MIN_SECRET_LENGTH = 32;

export function parseConfig(env: Env): AppConfig {
  const production = env.NODE_ENV === "production";

  const anaplanApiUrl = baseUrl(env, "ANAPLAN_API_URL", "https://api.anaplan.com/2/0");
  if (!/\/2\/0$/.test(anaplanApiUrl)) {
    throw new ConfigError(`ANAPLAN_API_URL must end in /2/0 (got "${anaplanApiUrl}").`);
  }
  const anaplanAuthUrl = baseUrl(env, "ANAPLAN_AUTH_URL", "https://auth.anaplan.com");
  const anaplanOAuthUrl = baseUrl(env, "ANAPLAN_OAUTH_URL", "https://us1a.app.anaplan.com");

  const clientId = nonEmpty(env.ANAPLAN_OAUTH_CLIENT_ID);
  const clientSecret = nonEmpty(env.ANAPLAN_OAUTH_CLIENT_SECRET);
  if (clientId && !clientSecret) {
    throw new ConfigError("ANAPLAN_OAUTH_CLIENT_SECRET must be set when ANAPLAN_OAUTH_CLIENT_ID is set.");
  }
  if (clientSecret && !clientId) {
    throw new ConfigError("ANAPLAN_OAUTH_CLIENT_ID must be set when ANAPLAN_OAUTH_CLIENT_SECRET is set.");
  }

  const sessionSecrets = parseSecrets(env.SESSION_SECRET, production);

  const originRaw = nonEmpty(env.APP_ORIGIN);
  if (!originRaw && production) {
    throw new ConfigError(
      "APP_ORIGIN must be set to the public origin of Export Desk, for example https://exports.example.com.",
    );
  }
  const port = parsePort(env.PORT);
  const appOrigin = originRaw ? parseOrigin(originRaw) : `http://localhost:${port}`;
  const databaseUrl = parseDatabaseUrl(env.DATABASE_URL);

  return {
    anaplanApiUrl,
    anaplanAuthUrl,
    anaplanOAuthUrl,
    oauth: clientId && clientSecret ? { clientId, clientSecret } : null,
    sessionSecrets,
    appOrigin,
    secureCookies: appOrigin.startsWith("https:"),
    port,
    databaseUrl,
    dataDir: nonEmpty(env.DATA_DIR) ?? "./data",
    ledgerEngine: databaseUrl ? "postgres" : nonEmpty(env.VERCEL) ? "off" : "pglite",
    ledgerRetentionDays: wholeNumber(env, "LEDGER_RETENTION_DAYS", 400, 1),
    trustProxy: wholeNumber(env, "TRUST_PROXY", 0, 0),
    anaplanRateLimits: parseRateLimits(env),
  };
}

/** Anaplan allows a tenant about 10 calls a second (600 a minute); the defaults leave room for its other integrations. */
function parseRateLimits(env: Env): AnaplanRateLimits {
  const tenantBurst = wholeNumber(env, "ANAPLAN_RATE_TENANT_BURST", 100, 2);
  return {
    userPerSecond: positiveNumber(env, "ANAPLAN_RATE_USER_PER_SECOND", 3),
    userBurst: wholeNumber(env, "ANAPLAN_RATE_USER_BURST", 40, 1),
    tenantPerSecond: positiveNumber(env, "ANAPLAN_RATE_TENANT_PER_SECOND", 6),
    tenantBurst,
    backgroundPerSecond: positiveNumber(env, "ANAPLAN_RATE_BACKGROUND_PER_SECOND", 1),
    backgroundReserve: Math.floor(tenantBurst / 2),
    maxWaitMs: 10_000,
  };
}

function positiveNumber(env: Env, name: string, fallback: number): number {
  const value = nonEmpty(env[name]);
  if (!value) return fallback;
  const number = /^\d{1,6}(\.\d{1,3})?$/.test(value) ? Number(value) : NaN;
  if (!(number > 0)) {
    throw new ConfigError(`${name} must be a number of calls per second above 0, such as 2 or 0.5 (got "${value}").`);
  }
  return number;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function baseUrl(env: Env, name: string, fallback: string): string {
  const raw = nonEmpty(env[name]) ?? fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an absolute http(s) URL (got "${raw}").`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError(`${name} must be an absolute http(s) URL (got "${raw}").`);
  }
  if (url.search || url.hash) {
    throw new ConfigError(`${name} must not contain a query or fragment (got "${raw}").`);
  }
  return raw.replace(/\/+$/, "");
}

function parseSecrets(raw: string | undefined, production: boolean): string[] {
  const value = nonEmpty(raw);
  if (!value) {
    if (production) {
      throw new ConfigError(
        "SESSION_SECRET must be set to at least 32 random characters (generate one with: openssl rand -base64 32).",
      );
    }
    return [DEV_SESSION_SECRET];
  }
  const secrets = value.split(",").map((s) => s.trim());
  secrets.forEach((secret, index) => {
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(
        `SESSION_SECRET entry ${index + 1} is shorter than ${MIN_SECRET_LENGTH} characters; ` +
          "use long random values (openssl rand -base64 32).",
      );
    }
  });
  return secrets;
}

function parseOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`APP_ORIGIN must be an origin such as https://exports.example.com (got "${raw}").`);
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.origin !== raw.replace(/\/$/, "")) {
    throw new ConfigError(
      `APP_ORIGIN must be an origin such as https://exports.example.com, with no path (got "${raw}").`,
    );
  }
  return url.origin;
}

function parsePort(raw: string | undefined): number {
  const value = nonEmpty(raw);
  if (!value) return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number between 1 and 65535 (got "${value}").`);
  }
  return port;
}

/** The message never repeats the value: a database URL usually carries a password. */
function parseDatabaseUrl(raw: string | undefined): string | null {
  const value = nonEmpty(raw);
  if (!value) return null;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "postgres:" && url.protocol !== "postgresql:") || !url.hostname) {
    throw new ConfigError(
      "DATABASE_URL must be a postgres:// or postgresql:// URL with a host, " +
        "such as postgres://user:password@db.example.com:5432/exportdesk.",
    );
  }
  return value;
}

function wholeNumber(env: Env, name: string, fallback: number, min: number): number {
  const value = nonEmpty(env[name]);
  if (!value) return fallback;
  const number = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(number >= min)) {
    throw new ConfigError(`${name} must be a whole number of ${min} or more (got "${value}").`);
  }
  return number;
}
