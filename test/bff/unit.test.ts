import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readJsonBody } from "@/lib/bff/body";
import { contentDisposition, downloadContentType, sanitizeFileName } from "@/lib/bff/content-disposition";
import { checkCsrf, isJsonContentType } from "@/lib/bff/csrf";
import { isValidId, validateIds } from "@/lib/shared/ids";
import { isValidLocaleName, localeFromAcceptLanguage, toAnaplanLocale } from "@/lib/bff/locale";
import { sessionKeys } from "@/lib/session/keys";
import {
  checkLifetime,
  keepAliveIntervalMs,
  needsTokenRefresh,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from "@/lib/session/lifetime";
import { safeReturnTo } from "@/lib/shared/return-to";
import { HOSTILE_RETURN_TO } from "./hostile-return-to";

const ORIGIN = "http://127.0.0.1:3123";

function headers(init: Record<string, string>): Headers {
  return new Headers(init);
}

describe("CSRF check", () => {
  const good = { "x-export-desk-csrf": "1", origin: ORIGIN, "content-type": "application/json" };
  const cases: [string, Record<string, string>, number | "ok"][] = [
    ["all present", good, "ok"],
    ["no CSRF header", { origin: ORIGIN, "content-type": "application/json" }, 403],
    ["CSRF header not 1", { ...good, "x-export-desk-csrf": "true" }, 403],
    ["no Origin", { "x-export-desk-csrf": "1", "content-type": "application/json" }, 403],
    ["Origin null", { ...good, origin: "null" }, 403],
    ["evil Origin", { ...good, origin: "https://evil.example" }, 403],
    ["suffix Origin", { ...good, origin: `${ORIGIN}.evil.example` }, 403],
    ["Origin with path", { ...good, origin: `${ORIGIN}/` }, 403],
    ["other scheme", { ...good, origin: "https://127.0.0.1:3123" }, 403],
    ["other port", { ...good, origin: "http://127.0.0.1:3124" }, 403],
    ["Sec-Fetch-Site cross-site", { ...good, "sec-fetch-site": "cross-site" }, 403],
    ["Sec-Fetch-Site same-site", { ...good, "sec-fetch-site": "same-site" }, 403],
    ["Sec-Fetch-Site same-origin", { ...good, "sec-fetch-site": "same-origin" }, "ok"],
    [
      "X-Forwarded-Host does not help",
      { ...good, origin: "https://evil.example", "x-forwarded-host": "evil.example" },
      403,
    ],
    ["text/plain", { ...good, "content-type": "text/plain" }, 415],
    ["form", { ...good, "content-type": "application/x-www-form-urlencoded" }, 415],
    ["multipart", { ...good, "content-type": "multipart/form-data; boundary=x" }, 415],
    ["missing content type", { "x-export-desk-csrf": "1", origin: ORIGIN }, 415],
    ["upper-case JSON with charset", { ...good, "content-type": "APPLICATION/JSON; charset=UTF-8" }, "ok"],
    ["utf-16 JSON", { ...good, "content-type": "application/json; charset=utf-16" }, 415],
  ];
  it.each(cases)("%s", (_name, init, expected) => {
    const verdict = checkCsrf(headers(init), ORIGIN, { requireJson: true });
    if (expected === "ok") expect(verdict.ok).toBe(true);
    else expect(verdict.ok ? "ok" : verdict.status).toBe(expected);
  });

  it("lets a body-less DELETE through without a content type, but not one with a body", () => {
    expect(checkCsrf(headers({ "x-export-desk-csrf": "1", origin: ORIGIN }), ORIGIN, { requireJson: false }).ok).toBe(
      true,
    );
    const withBody = checkCsrf(headers({ "x-export-desk-csrf": "1", origin: ORIGIN, "content-length": "2" }), ORIGIN, {
      requireJson: false,
    });
    expect(withBody.ok ? "ok" : withBody.status).toBe(415);
  });

  it("parses media types strictly", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("application/json;charset=utf-8")).toBe(true);
    expect(isJsonContentType("application/jsonx")).toBe(false);
    expect(isJsonContentType("application/json; boundary=x")).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });
});

describe("id patterns", () => {
  const bad = [
    "..",
    ".",
    "%2e%2e",
    "..%2F..%2Fauth",
    "a%2Fb",
    "%252F",
    "a\\b",
    "//evil.com/x",
    "http://evil.com/",
    "@evil.com",
    "a?b=1",
    "a#f",
    "a;b",
    "%0d%0aX-Injected:1",
    "\u0000",
    " 116000000001",
    "116000000001 ",
    "１１６０００００００００１",
    "١١٦٠٠٠٠٠٠٠٠١",
    "116000000001\u200b",
    "116000000001abc",
    "1e3",
    "0x1F",
    "-1",
    "+1",
    "1.0",
    "",
    "99999999999999999999",
    "1".repeat(10_000),
    "11600000001",
    "1160000000011",
  ];
  it.each(bad)("rejects export id %j", (value) => expect(isValidId("exportId", value)).toBe(false));
  it.each(["8a81948849b9c4e2014a30802f5a02e", "8a81948849b9c4e2014a30802f5a02e4a", "G".repeat(32), "..", ""])(
    "rejects workspace/model/task id %j",
    (value) => {
      expect(isValidId("workspaceId", value)).toBe(false);
      expect(isValidId("modelId", value)).toBe(false);
      expect(isValidId("taskId", value)).toBe(false);
    },
  );
  it("accepts real ids and rejects non-strings", () => {
    expect(isValidId("workspaceId", "8a81948849b9c4e2014a30802f5a02e4")).toBe(true);
    expect(isValidId("modelId", "75A40874E6B64FA3AE0743278996850F")).toBe(true);
    expect(isValidId("exportId", "116000000001")).toBe(true);
    expect(isValidId("exportId", 116000000001)).toBe(false);
    expect(isValidId("exportId", ["116000000001"])).toBe(false);
    expect(validateIds({ workspaceId: "8a81948849b9c4e2014a30802f5a02e4" }, ["workspaceId", "modelId"])).toBeNull();
  });
});

describe("returnTo", () => {
  it.each(HOSTILE_RETURN_TO)("%j → /", (value) => expect(safeReturnTo(value, ORIGIN)).toBe("/"));
  it("keeps same-origin paths with query and hash", () => {
    expect(
      safeReturnTo("/w/8a81948849b9c4e2014a30802f5a02e4/m/75A40874E6B64FA3AE0743278996850F?tab=tasks#x", ORIGIN),
    ).toBe("/w/8a81948849b9c4e2014a30802f5a02e4/m/75A40874E6B64FA3AE0743278996850F?tab=tasks#x");
    expect(safeReturnTo("/", ORIGIN)).toBe("/");
    expect(safeReturnTo(null)).toBe("/");
    // dot segments are resolved but stay on our origin
    expect(safeReturnTo("/.%2e/admin", ORIGIN)).toMatch(/^\/[^/\\]/);
  });
});

describe("content disposition and type", () => {
  it("plain ASCII names", () => {
    expect(contentDisposition("Revenue - Data.csv", "text/csv")).toBe('attachment; filename="Revenue - Data.csv"');
  });
  it("non-ASCII names get an ASCII fallback and filename*", () => {
    const value = contentDisposition("Prévisions 名前.csv", "text/csv");
    expect(value).toBe(
      `attachment; filename="Pr_visions __.csv"; filename*=UTF-8''Pr%C3%A9visions%20%E5%90%8D%E5%89%8D.csv`,
    );
    expect(() => new Headers({ "content-disposition": value })).not.toThrow();
  });
  it("header injection and path tricks are neutralised", () => {
    for (const name of [
      'a"\r\nSet-Cookie: x=1.csv',
      "..\\..\\evil.csv",
      "../../etc/passwd",
      "x".repeat(5000),
      "\u0000",
      "'()*.txt",
    ]) {
      const value = contentDisposition(name, "text/csv");
      expect(value).not.toMatch(/[\r\n]/);
      expect(() => new Headers({ "content-disposition": value })).not.toThrow();
      expect(value.startsWith('attachment; filename="')).toBe(true);
    }
    expect(sanitizeFileName("x".repeat(5000)).length).toBeLessThanOrEqual(154);
    const traversal = sanitizeFileName("..\\..\\evil.csv");
    expect(traversal).not.toMatch(/[\\/]/);
    expect(traversal.startsWith(".")).toBe(false);
  });
  it("adds an extension from the format when the name has none", () => {
    expect(sanitizeFileName("Grid", "application/vnd.ms-excel")).toBe("Grid.xls");
    expect(sanitizeFileName("Opex", "text/plain")).toBe("Opex.txt");
  });
  it("strips bidirectional, other format and control characters", () => {
    expect(sanitizeFileName("report\u202Evsc.exe", "text/csv")).toBe("reportvsc.csv");
    expect(sanitizeFileName("a\u2066b\u2069c\u200Bd\u200Ee\uFEFFf\u0085g", "text/csv")).toBe("abcdefg.csv");
    const value = contentDisposition("Plan\u202Egpj.csv", "text/csv");
    expect(value).not.toMatch(/\u202E|%E2%80%AE/i);
  });
  it("the extension always follows the export's format", () => {
    expect(sanitizeFileName("report.exe", "text/csv")).toBe("report.csv");
    expect(sanitizeFileName("report.csv.exe", "text/csv")).toBe("report.csv.csv");
    expect(sanitizeFileName("Revenue.CSV", "text/csv")).toBe("Revenue.csv");
    expect(sanitizeFileName("Grid.csv", "application/vnd.ms-excel")).toBe("Grid.xls");
    expect(sanitizeFileName("report.exe. . ", "text/plain")).toBe("report.txt");
    expect(sanitizeFileName("Revenue Q1.2024", "text/csv")).toBe("Revenue Q1.2024.csv");
    expect(sanitizeFileName("report.exe")).toBe("report");
    expect(sanitizeFileName("x".repeat(5000) + ".exe", "text/csv")).toMatch(/^x+\.csv$/);
    expect(sanitizeFileName("...", "text/csv")).toBe("export.csv");
  });
  it("types from the export format", () => {
    expect(downloadContentType("text/csv", "UTF-8")).toBe("text/csv; charset=utf-8");
    expect(downloadContentType("text/plain")).toBe("text/plain; charset=utf-8");
    expect(downloadContentType("application/vnd.ms-excel")).toBe("application/vnd.ms-excel");
    expect(downloadContentType(undefined)).toBe("application/octet-stream");
    expect(downloadContentType("text/csv", "bad\r\nvalue")).toBe("text/csv; charset=utf-8");
  });
});

describe("locale", () => {
  it("maps Accept-Language to an Anaplan locale", () => {
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9")).toBe("en_GB");
    expect(localeFromAcceptLanguage("fr;q=0.8, de-CH")).toBe("de_CH");
    expect(localeFromAcceptLanguage("fr")).toBe("fr_FR");
    expect(localeFromAcceptLanguage("xx, ja;q=0.5")).toBe("ja_JP");
    expect(localeFromAcceptLanguage("*")).toBe("en_US");
    expect(localeFromAcceptLanguage(null)).toBe("en_US");
    expect(localeFromAcceptLanguage("zh-Hant-TW")).toBe("zh_TW");
    expect(toAnaplanLocale("not a tag")).toBeUndefined();
  });
  it("validates a given localeName", () => {
    expect(isValidLocaleName("en_US")).toBe(true);
    for (const bad of ["en-US", "EN_us", "en_US\n", "en_USA", "../x", 1, null])
      expect(isValidLocaleName(bad)).toBe(false);
  });
});

describe("session keys and lifetimes", () => {
  const A = "a".repeat(32);
  const B = "b".repeat(40);
  it("a secret keeps its id whatever its position; the first seals", () => {
    const before = sessionKeys([A]);
    const rotated = sessionKeys([B, A]);
    const dropped = sessionKeys([B]);
    const idA = Object.keys(before.seal)[0] as string;
    const idB = Object.keys(rotated.seal)[0] as string;
    expect(rotated.unseal[idA]).toBe(A);
    expect(Object.values(rotated.seal)).toEqual([B]);
    expect(dropped.seal).toEqual({ [idB]: B });
    expect(idA).toMatch(/^\d+$/);
  });
  it("idle and absolute limits", () => {
    const now = Date.now();
    expect(checkLifetime({ createdAt: now - 1000, lastSeenAt: now }, now)).toBe("ok");
    expect(checkLifetime({ createdAt: now - SESSION_ABSOLUTE_MS - 1, lastSeenAt: now }, now)).toBe("absolute");
    expect(checkLifetime({ createdAt: now - 1000, lastSeenAt: now - SESSION_IDLE_MS - 1 }, now)).toBe("idle");
    expect(checkLifetime({ createdAt: now + 3_600_000, lastSeenAt: now }, now)).toBe("future");
  });
  it("refreshes once less than half of the token's lifetime is left", () => {
    const now = Date.now();
    expect(needsTokenRefresh({ tokenIssuedAt: now, tokenExpiresAt: now + 35 * 60_000 }, now)).toBe(false);
    expect(needsTokenRefresh({ tokenIssuedAt: now - 31 * 60_000, tokenExpiresAt: now + 4 * 60_000 }, now)).toBe(true);
    expect(needsTokenRefresh({ tokenIssuedAt: now - 10_000, tokenExpiresAt: now + 10_000 }, now)).toBe(false);
    expect(needsTokenRefresh({ tokenIssuedAt: now - 18_000, tokenExpiresAt: now + 2_000 }, now)).toBe(true);
    // less than half of the lifetime left
    expect(needsTokenRefresh({ tokenIssuedAt: now - 18 * 60_000, tokenExpiresAt: now + 17 * 60_000 }, now)).toBe(true);
    expect(needsTokenRefresh({ tokenIssuedAt: now - 17 * 60_000, tokenExpiresAt: now + 18 * 60_000 }, now)).toBe(false);
  });
  it("keeps open pages alive at a third of the token's lifetime, every 10 minutes at most", () => {
    const token = (lifetimeMs: number) => ({ tokenIssuedAt: 0, tokenExpiresAt: lifetimeMs });
    expect(keepAliveIntervalMs(token(35 * 60_000))).toBe(10 * 60_000);
    expect(keepAliveIntervalMs(token(12_000))).toBe(4_000);
    expect(keepAliveIntervalMs(token(0))).toBe(2_000);
  });
});

describe("JSON body reader", () => {
  const schema = z.object({ localeName: z.string().optional() }).strict();
  const req = (body: BodyInit | null, init: Record<string, string> = {}) =>
    new Request("http://x.test/", { method: "POST", body, headers: init, duplex: "half" } as RequestInit);
  it("accepts valid and empty bodies", async () => {
    expect(await readJsonBody(req('{"localeName":"en_US"}'), schema)).toEqual({
      ok: true,
      value: { localeName: "en_US" },
    });
    expect(await readJsonBody(req(null), schema, { allowEmpty: true })).toEqual({ ok: true, value: {} });
  });
  it.each(["{", "NaN", "{} x", '{"x":1}', '{"__proto__":{"isAdmin":true}}', '{"localeName":1}', "[".repeat(10_000)])(
    "rejects %j with 400",
    async (body) => {
      const result = await readJsonBody(req(body), schema);
      expect(result.ok ? 200 : result.status).toBe(400);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    },
  );
  it("rejects oversized bodies with 413, declared or streamed", async () => {
    const big = "x".repeat(20_000);
    const declared = await readJsonBody(req(big, { "content-length": "20000" }), schema);
    expect(declared.ok ? 200 : declared.status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const streamed = await readJsonBody(req(stream), schema);
    expect(streamed.ok ? 200 : streamed.status).toBe(413);
  });
});
