import { describe, expect, it } from "vitest";
import {
  dayStart,
  localDay,
  readRunsSearch,
  roughDuration,
  runExportName,
  runsSearch,
  timeLeft,
  typicalDuration,
} from "./runs-view";

describe("runs view", () => {
  it("builds one canonical query string whatever the URL's order, leaving empty values out", () => {
    const a = readRunsSearch(new URLSearchParams("cursor=abc&outcome=failed&by=&export=116000000004"));
    const b = readRunsSearch(new URLSearchParams("export=116000000004&outcome=failed&cursor=abc"));
    expect(runsSearch(a.filters, a.page)).toBe("export=116000000004&outcome=failed&cursor=abc");
    expect(runsSearch(b.filters, b.page)).toBe(runsSearch(a.filters, a.page));
    expect(runsSearch({ export: "116000000001" }, { limit: 30 })).toBe("export=116000000001&limit=30");
    expect(runsSearch({})).toBe("");
  });

  it("names an export the ledger has no name for by its id", () => {
    expect(runExportName({ exportId: "116000000002", exportName: "" })).toBe("Export 116000000002");
    expect(runExportName({ exportId: "116000000002", exportName: "Opex" })).toBe("Opex");
  });

  it("takes the median of successful runs only", () => {
    const run = (outcome: "succeeded" | "failed", durationMs: number | null) => ({ outcome, durationMs });
    expect(typicalDuration([])).toBeUndefined();
    expect(typicalDuration([run("failed", 1_000)])).toBeUndefined();
    expect(
      typicalDuration([
        run("succeeded", 3_000),
        run("failed", 90_000),
        run("succeeded", 1_000),
        run("succeeded", 2_000),
      ]),
    ).toBe(2_000);
    expect(typicalDuration([run("succeeded", 60_000), run("succeeded", 120_000), run("succeeded", null)])).toBe(90_000);
  });

  it("estimates roughly and never below zero", () => {
    expect(roughDuration(12_400)).toBe("12 s");
    expect(roughDuration(200)).toBe("1 s");
    expect(roughDuration(150_000)).toBe("3 min");
    expect(timeLeft(240_000, 60_000)).toBe("about 3 min left");
    expect(timeLeft(20_000, 8_000)).toBe("about 12 s left");
    expect(timeLeft(60_000, 75_000)).toBe("any moment now");
  });

  it("turns a local day into the instant it starts, and back; 'to' reads as the day before it", () => {
    const from = dayStart("2026-11-30");
    const to = dayStart("2026-11-30", 1);
    expect(from && localDay(from)).toBe("2026-11-30");
    expect(to && localDay(to, true)).toBe("2026-11-30");
    expect(dayStart("30/11/2026")).toBeUndefined();
    expect(localDay("not a date")).toBe("");
  });
});
