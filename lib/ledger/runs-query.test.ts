import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";
import { parseRunsQuery, RunsQueryError } from "./runs-query";

const parse = (query: string) => parseRunsQuery(new URLSearchParams(query));

function rejection(query: string): RunsQueryError {
  try {
    parse(query);
  } catch (error) {
    expect(error).toBeInstanceOf(RunsQueryError);
    return error as RunsQueryError;
  }
  throw new Error(`expected "${query}" to be refused`);
}

describe("parseRunsQuery", () => {
  it("defaults to 50 runs and no filters", () => {
    expect(parse("")).toEqual({ limit: 50 });
  });

  it("reads every filter", () => {
    const cursor = encodeCursor({ startedAtMs: Date.parse("2026-11-30T09:00:00Z"), id: 42 });
    expect(
      parse(
        `export=116000000001&by=Ada@Example.com&outcome=failed&from=2026-11-01&to=2026-11-30T09:00:00%2B01:00&limit=500&cursor=${cursor}`,
      ),
    ).toEqual({
      exportId: "116000000001",
      by: "Ada@Example.com",
      outcome: "failed",
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2026-11-30T08:00:00Z"),
      limit: 500,
      cursor: { startedAtMs: Date.parse("2026-11-30T09:00:00Z"), id: 42 },
    });
  });

  it("treats empty values as absent", () => {
    expect(parse("export=&by=&outcome=&limit=")).toEqual({ limit: 50 });
  });

  it.each([
    ["outcome=done", "outcome", /must be one of queued, running, cancelling, succeeded, failed, cancelled, unknown/],
    ["from=yesterday", "from", /ISO 8601 instant/],
    ["to=2026-02-30", "to", /ISO 8601 instant/],
    ["from=2026-11-30T25:00:00Z", "from", /ISO 8601 instant/],
    ["from=2026-11-30T09:00:00", "from", /ISO 8601 instant/],
    ["from=2026-12-01&to=2026-11-01", "to", /later than "from"/],
    ["limit=501", "limit", /from 1 to 500/],
    ["limit=0", "limit", /from 1 to 500/],
    ["limit=ten", "limit", /from 1 to 500/],
    ["export=12", "export", /12 digits/],
    ["by=nobody", "by", /email address/],
    [`by=${"a".repeat(300)}@example.com`, "by", /too long/],
    ["cursor=abc", "cursor", /not one this server gave out/],
    ["export=116000000001&export=116000000002", "export", /at most once/],
    ["page=2", "page", /Unknown parameter "page"/],
  ])("refuses %s with a sentence about %s", (query, parameter, message) => {
    const error = rejection(query);
    expect(error.parameter).toBe(parameter);
    expect(error.code).toBe("INVALID_QUERY");
    expect(error.message).toMatch(message);
  });
});

describe("cursors", () => {
  it("round-trip", () => {
    const cursor = { startedAtMs: 1_796_000_000_123, id: 987_654 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ["edited", Buffer.from("r1.1796000000123.-5").toString("base64url")],
    ["another version", Buffer.from("r2.1796000000123.5").toString("base64url")],
    ["padded", `${encodeCursor({ startedAtMs: 1, id: 1 })}=`],
    ["not base64url", "r1.1.1/"],
    ["zero id", Buffer.from("r1.1796000000123.0").toString("base64url")],
    ["leading zeros", Buffer.from("r1.01796000000123.5").toString("base64url")],
    ["huge", "A".repeat(65)],
  ])("refuse a forged one (%s)", (_, value) => {
    expect(() => decodeCursor(value)).toThrow(RunsQueryError);
  });
});
