import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as sessionRoute from "@/app/api/session/route";
import { CLIENT_ADDRESS_HEADER, clientKey, setFrontInstalledForTests, trustProxyHops } from "@/lib/bff/client-address";
import { resetSignInLimitForTests } from "@/lib/bff/sign-in-limit";
import { CLIENT_BUDGET, EMAIL_FREE, EMAIL_MAX_DELAY_MS } from "@/lib/bff/sign-in-policy";
import { SEED, req, resetAll, setEnv, startStack, type Stack } from "./helpers";

let stack: Stack;
let clock = Date.now();
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  setFrontInstalledForTests(false);
  await stack.sim.close();
});
beforeEach(async () => {
  setEnv({ TRUST_PROXY: undefined });
  setFrontInstalledForTests(true);
  await resetAll(stack.control);
  clock = Date.now();
  resetSignInLimitForTests(() => clock);
});
afterEach(() => resetSignInLimitForTests());

const WRONG = "not-the-password";

function attempt(
  email: string,
  password: string,
  from: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return sessionRoute.POST(
    req("/api/session", {
      method: "POST",
      csrf: true,
      headers: { [CLIENT_ADDRESS_HEADER]: from, ...headers },
      body: JSON.stringify({ email, password }),
    }),
  );
}

const authCalls = async () => (await stack.control.requests()).filter((r) => r.path === "/token/authenticate").length;

async function expectTooMany(res: Response, scope: RegExp): Promise<number> {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  const { error } = (await res.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe("TOO_MANY_ATTEMPTS");
  expect(error.message).toMatch(scope);
  expect(error.message).toMatch(/Wait \d+ (second|minute)s?\b/);
  return retryAfter;
}

describe("one client is limited across every email", () => {
  it("30 parallel attempts from one client: at most the client budget reach Anaplan, the rest answer 429", async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(`probe${i}@example.com`, WRONG, "203.0.113.10")),
    );
    expect(await authCalls()).toBeLessThanOrEqual(CLIENT_BUDGET);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(30 - CLIENT_BUDGET);
    for (const res of refused) await expectTooMany(res, /from your network/);
    expect(answers.every((r) => r.status === 401 || r.status === 429)).toBe(true);
  });

  it("fifteen different emails from one client: at most the budget reach Anaplan; another client is not affected", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 15; i += 1)
      statuses.push((await attempt(`person${i}@example.com`, WRONG, "203.0.113.11")).status);
    expect(await authCalls()).toBe(CLIENT_BUDGET);
    expect(statuses.slice(CLIENT_BUDGET).every((s) => s === 429)).toBe(true);
    const retryAfter = await expectTooMany(
      await attempt("person99@example.com", WRONG, "203.0.113.11"),
      /from your network/,
    );
    expect(retryAfter).toBeGreaterThan(60);
    expect((await attempt(SEED.users.ada.email, SEED.password, "198.51.100.20")).status).toBe(200);
  });

  it("successful sign-ins give their attempt back: a shared office address is not limited by its own users", async () => {
    for (let i = 0; i < CLIENT_BUDGET + 3; i += 1) {
      expect((await attempt(SEED.users.ada.email, SEED.password, "203.0.113.12")).status).toBe(200);
    }
  });
});

describe("an email under attack slows down, but its owner is never kept out longer than a minute", () => {
  it("30 parallel attempts on one email from 30 clients: at most the free attempts reach Anaplan", async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(SEED.users.ada.email, WRONG, `192.0.2.${i + 1}`)),
    );
    expect(await authCalls()).toBeLessThanOrEqual(EMAIL_FREE);
    for (const res of answers.filter((r) => r.status === 429)) await expectTooMany(res, /for this email/);

    const owner = await attempt(SEED.users.ada.email, SEED.password, "198.51.100.30");
    const wait = await expectTooMany(owner, /for this email/);
    expect(wait * 1000).toBeLessThanOrEqual(EMAIL_MAX_DELAY_MS);
    clock += wait * 1000;
    expect((await attempt(SEED.users.ada.email, SEED.password, "198.51.100.30")).status).toBe(200);
  });

  it("a stranger's stream of wrong passwords: the delay grows, is capped at a minute, and the owner signs in", async () => {
    let longest = 0;
    for (let i = 0; i < CLIENT_BUDGET; i += 1) {
      const res = await attempt(SEED.users.bruno.email, WRONG, "203.0.113.40");
      if (res.status === 429) {
        const wait = await expectTooMany(res, /for this email/);
        longest = Math.max(longest, wait);
        clock += wait * 1000;
        i -= 1;
        continue;
      }
      expect(res.status).toBe(401);
    }
    expect(longest * 1000).toBeLessThanOrEqual(EMAIL_MAX_DELAY_MS);
    await expectTooMany(await attempt(SEED.users.bruno.email, WRONG, "203.0.113.40"), /from your network/);

    const owner = await attempt(SEED.users.bruno.email, SEED.password, "198.51.100.40");
    if (owner.status === 429) {
      const wait = await expectTooMany(owner, /for this email/);
      expect(wait * 1000).toBeLessThanOrEqual(EMAIL_MAX_DELAY_MS);
      clock += wait * 1000;
      expect((await attempt(SEED.users.bruno.email, SEED.password, "198.51.100.40")).status).toBe(200);
    } else {
      expect(owner.status).toBe(200);
    }
  });

  it("the email is counted case-insensitively", async () => {
    for (let i = 0; i < EMAIL_FREE; i += 1)
      await attempt(SEED.users.chloe.email.toUpperCase(), WRONG, `192.0.2.${100 + i}`);
    await expectTooMany(await attempt(SEED.users.chloe.email, WRONG, "192.0.2.200"), /for this email/);
  });
});

describe("the email must be an email", () => {
  it.each([
    ["a colon (Anaplan splits Basic credentials at the first one)", "bruno.diaz@example.com:g1"],
    ["two @", "a@b@example.com"],
    ["no @", "ada.example.com"],
    ["an empty local part", "@example.com"],
    ["a control character", "ada\u0000@example.com"],
    ["a bidi override", "ada\u202e@example.com"],
    ["a zero-width space", "ada\u200b@example.com"],
    ["a space inside", "ada lovelace@example.com"],
    ["255 characters", `${"a".repeat(243)}@example.com`],
  ])("%s → 400 with zero upstream calls", async (_label, email) => {
    const res = await attempt(email, WRONG, "203.0.113.50");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("INVALID_BODY");
    expect(await authCalls()).toBe(0);
  });

  it("254 characters is still an email", async () => {
    const res = await attempt(`${"a".repeat(242)}@example.com`, WRONG, "203.0.113.51");
    expect(res.status).toBe(401);
  });
});

describe("the client is the socket address, or TRUST_PROXY hops of X-Forwarded-For: never a value the client chooses", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it("the front's header is trusted only when the front is installed in this process", () => {
    expect(clientKey(headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.5" }), 0)).toBe("ip:203.0.113.5");
    setFrontInstalledForTests(false);
    expect(clientKey(headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.5" }), 0)).toBe("unknown");
  });

  it("without TRUST_PROXY, X-Forwarded-For is ignored", () => {
    const h = headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.5", "x-forwarded-for": "198.51.100.1" });
    expect(clientKey(h, 0)).toBe("ip:203.0.113.5");
  });

  it("with TRUST_PROXY, the entry that many hops from the right; too few entries → the socket", () => {
    const h = headers({ [CLIENT_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.1, 10.0.0.9" });
    expect(clientKey(h, 1)).toBe("ip:10.0.0.9");
    expect(clientKey(h, 2)).toBe("ip:198.51.100.1");
    expect(clientKey(headers({ [CLIENT_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6" }), 2)).toBe(
      "ip:10.0.0.2",
    );
  });

  it("IPv4-mapped addresses are IPv4; IPv6 counts by /64; ports are dropped", () => {
    expect(clientKey(headers({ [CLIENT_ADDRESS_HEADER]: "::ffff:127.0.0.1" }), 0)).toBe("ip:127.0.0.1");
    const a = clientKey(headers({ [CLIENT_ADDRESS_HEADER]: "2001:db8:1:2:3::4" }), 0);
    const b = clientKey(headers({ [CLIENT_ADDRESS_HEADER]: "2001:db8:1:2:ffff:1:2:9" }), 0);
    expect(a).toBe("ip6:2001:db8:1:2::/64");
    expect(b).toBe(a);
    expect(clientKey(headers({ "x-forwarded-for": "203.0.113.9:4711" }), 1)).toBe("ip:203.0.113.9");
    expect(clientKey(headers({ "x-forwarded-for": "[2001:db8::1]:443" }), 1)).toBe("ip6:2001:db8:0:0::/64");
  });

  it("TRUST_PROXY is 0 to 10, anything else stops start-up with a sentence", () => {
    expect(trustProxyHops(undefined)).toBe(0);
    expect(trustProxyHops("")).toBe(0);
    expect(trustProxyHops("1")).toBe(1);
    for (const bad of ["-1", "one", "1.5", "11", "1,2"])
      expect(() => trustProxyHops(bad)).toThrow(/^TRUST_PROXY must be a whole number/);
  });

  it("behind one proxy, rotating the X-Forwarded-For entries a client writes does not give it more attempts", async () => {
    setEnv({ TRUST_PROXY: "1" });
    for (let i = 0; i < CLIENT_BUDGET + 5; i += 1) {
      await attempt(`rotate${i}@example.com`, WRONG, "10.0.0.2", { "x-forwarded-for": `6.6.${i}.6, 198.51.100.77` });
    }
    expect(await authCalls()).toBe(CLIENT_BUDGET);
    await expectTooMany(
      await attempt("rotate99@example.com", WRONG, "10.0.0.2", { "x-forwarded-for": "7.7.7.7, 198.51.100.77" }),
      /from your network/,
    );
  });
});
