import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./parse";

const secret = "s".repeat(32);
const production = { NODE_ENV: "production", SESSION_SECRET: secret, APP_ORIGIN: "https://exports.example.com" };

function failure(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("uses Anaplan's public hosts by default and strips trailing slashes", () => {
    const config = parseConfig({ ...production, ANAPLAN_AUTH_URL: "https://auth.example.test/" });
    expect(config.anaplanApiUrl).toBe("https://api.anaplan.com/2/0");
    expect(config.anaplanAuthUrl).toBe("https://auth.example.test");
    expect(config.anaplanOAuthUrl).toBe("https://us1a.app.anaplan.com");
    expect(config.oauth).toBeNull();
    expect(config.secureCookies).toBe(true);
    expect(config.port).toBe(3000);
  });

  it("requires SESSION_SECRET and APP_ORIGIN in production, each with one sentence", () => {
    expect(failure({ NODE_ENV: "production", APP_ORIGIN: "https://x.example" })).toMatch(/^SESSION_SECRET must be set/);
    expect(failure({ NODE_ENV: "production", SESSION_SECRET: secret })).toMatch(/^APP_ORIGIN must be set/);
  });

  it("falls back to a development secret and a localhost origin outside production", () => {
    const config = parseConfig({ NODE_ENV: "development", PORT: "3200" });
    expect(config.sessionSecrets).toHaveLength(1);
    expect(config.appOrigin).toBe("http://localhost:3200");
    expect(config.secureCookies).toBe(false);
  });

  it("splits a comma-separated SESSION_SECRET for rotation and rejects short entries", () => {
    const other = "t".repeat(40);
    expect(parseConfig({ ...production, SESSION_SECRET: `${other}, ${secret}` }).sessionSecrets).toEqual([
      other,
      secret,
    ]);
    expect(failure({ ...production, SESSION_SECRET: `${secret},short` })).toMatch(/entry 2 is shorter than 32/);
  });

  it("rejects malformed URLs, origins with a path, and bad ports", () => {
    expect(failure({ ...production, ANAPLAN_API_URL: "https://api.anaplan.com/1/3" })).toMatch(/must end in \/2\/0/);
    expect(failure({ ...production, ANAPLAN_AUTH_URL: "auth.anaplan.com" })).toMatch(/absolute http\(s\) URL/);
    expect(failure({ ...production, ANAPLAN_OAUTH_URL: "ftp://x.example" })).toMatch(/absolute http\(s\) URL/);
    expect(failure({ ...production, APP_ORIGIN: "https://x.example/app" })).toMatch(/with no path/);
    expect(failure({ ...production, PORT: "70000" })).toMatch(/^PORT must be/);
  });

  it("needs the OAuth client id and secret together", () => {
    expect(failure({ ...production, ANAPLAN_OAUTH_CLIENT_ID: "abc" })).toMatch(/CLIENT_SECRET must be set/);
    expect(
      parseConfig({ ...production, ANAPLAN_OAUTH_CLIENT_ID: "abc", ANAPLAN_OAUTH_CLIENT_SECRET: "def" }).oauth,
    ).toEqual({
      clientId: "abc",
      clientSecret: "def",
    });
  });

  it("reads the database settings with their defaults", () => {
    const config = parseConfig(production);
    expect(config.databaseUrl).toBeNull();
    expect(config.dataDir).toBe("./data");
    expect(config.ledgerEngine).toBe("pglite");
    expect(config.ledgerRetentionDays).toBe(400);
    expect(config.trustProxy).toBe(0);
    const set = parseConfig({
      ...production,
      DATABASE_URL: "postgresql://app:pw@db.example.com:5432/exportdesk",
      DATA_DIR: "/var/lib/export-desk",
      LEDGER_RETENTION_DAYS: "30",
      TRUST_PROXY: "1",
    });
    expect(set).toMatchObject({
      databaseUrl: "postgresql://app:pw@db.example.com:5432/exportdesk",
      ledgerEngine: "postgres",
    });
    expect(set).toMatchObject({ dataDir: "/var/lib/export-desk", ledgerRetentionDays: 30, trustProxy: 1 });
  });

  it("turns the ledger off on Vercel without DATABASE_URL, and uses the server when it is set", () => {
    expect(parseConfig({ ...production, VERCEL: "1" }).ledgerEngine).toBe("off");
    expect(parseConfig({ ...production, VERCEL: "1", DATABASE_URL: "postgres://db.example.com/x" }).ledgerEngine).toBe(
      "postgres",
    );
  });

  it("rejects a database URL of another kind in one sentence that never repeats the password", () => {
    for (const bad of ["mysql://u:hunter2@db/x", "not a url hunter2", "postgres://u:hunter2@/x"]) {
      const message = failure({ ...production, DATABASE_URL: bad });
      expect(message).toMatch(/^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
      expect(message).not.toContain("hunter2");
    }
  });

  it("rejects a retention that is not a positive whole number and a negative or fractional proxy count", () => {
    for (const bad of ["0", "-5", "1.5", "ten", "99999999999"]) {
      expect(failure({ ...production, LEDGER_RETENTION_DAYS: bad })).toMatch(
        /^LEDGER_RETENTION_DAYS must be a whole number of 1 or more/,
      );
    }
    expect(parseConfig({ ...production, TRUST_PROXY: "0" }).trustProxy).toBe(0);
    for (const bad of ["-1", "1.5", "two"]) {
      expect(failure({ ...production, TRUST_PROXY: bad })).toMatch(/^TRUST_PROXY must be a whole number of 0 or more/);
    }
  });

  it("reads the ceiling on calls to Anaplan, with defaults below Anaplan's tenant limit, and refuses nonsense", () => {
    expect(parseConfig(production).anaplanRateLimits).toEqual({
      userPerSecond: 3,
      userBurst: 40,
      tenantPerSecond: 6,
      tenantBurst: 100,
      backgroundPerSecond: 1,
      backgroundReserve: 50,
      maxWaitMs: 10_000,
    });
    const tuned = parseConfig({
      ...production,
      ANAPLAN_RATE_USER_PER_SECOND: "0.5",
      ANAPLAN_RATE_USER_BURST: "5",
      ANAPLAN_RATE_TENANT_PER_SECOND: "2",
      ANAPLAN_RATE_TENANT_BURST: "9",
      ANAPLAN_RATE_BACKGROUND_PER_SECOND: "0.2",
    }).anaplanRateLimits;
    expect(tuned).toMatchObject({ userPerSecond: 0.5, userBurst: 5, tenantPerSecond: 2, tenantBurst: 9 });
    expect(tuned).toMatchObject({ backgroundPerSecond: 0.2, backgroundReserve: 4 });
    for (const bad of ["0", "-1", "fast", "1e3"]) {
      expect(failure({ ...production, ANAPLAN_RATE_TENANT_PER_SECOND: bad })).toMatch(
        /^ANAPLAN_RATE_TENANT_PER_SECOND must be a number of calls per second above 0, such as 2 or 0.5/,
      );
    }
    expect(failure({ ...production, ANAPLAN_RATE_TENANT_BURST: "1" })).toMatch(
      /^ANAPLAN_RATE_TENANT_BURST must be a whole number of 2 or more/,
    );
  });
});
