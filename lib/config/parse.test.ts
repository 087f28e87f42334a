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
    expect(parseConfig({ ...production, SESSION_SECRET: `${other}, ${secret}` }).sessionSecrets).toEqual([other, secret]);
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
    expect(parseConfig({ ...production, ANAPLAN_OAUTH_CLIENT_ID: "abc", ANAPLAN_OAUTH_CLIENT_SECRET: "def" }).oauth).toEqual({
      clientId: "abc",
      clientSecret: "def",
    });
  });
});
