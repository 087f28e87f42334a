import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatLabel,
  formatPercent,
  formatRelative,
  layoutLabel,
} from "./format";
import { estimateExportBytes } from "./export-size";

describe("formatters (en-US)", () => {
  it("formats durations", () => {
    expect(formatDuration(4_200, "en-US")).toBe("4 sec");
    expect(formatDuration(200_000, "en-US")).toBe("3 min 20 sec");
    expect(formatDuration(3_900_000, "en-US")).toBe("1 hr 5 min");
    expect(formatDuration(-5, "en-US")).toBe("0 sec");
  });
  it("formats relative times", () => {
    const now = 1_800_000_000_000;
    expect(formatRelative(now - 1_000, now, "en-US")).toBe("just now");
    expect(formatRelative(now - 3 * 60_000, now, "en-US")).toBe("3 min ago");
    expect(formatRelative(now - 31_000, now, "en-US")).toBe("31 sec ago");
    expect(formatRelative(now + 2 * 3_600_000, now, "en-US")).toBe("in 2 hr");
    expect(formatRelative(now - 3 * 60_000, now, "de-DE")).toBe("vor 3 Min.");
    expect(formatRelative(now - 2 * 86_400_000, now, "en-US")).toBe("2 days ago");
  });
  it("says a time ago in the same words as a duration, in every English locale", () => {
    const now = 1_800_000_000_000;
    for (const locale of ["en-US", "en-GB", "en-AU", "en-IN"]) {
      for (const ms of [31_000, 3 * 60_000, 2 * 3_600_000, 86_400_000, 3 * 86_400_000]) {
        const ago = formatRelative(now - ms, now, locale);
        expect(ago, locale).toBe(`${formatDuration(ms, locale)} ago`);
        expect(ago, locale).not.toContain(".");
        expect(formatRelative(now + ms, now, locale), locale).toBe(`in ${formatDuration(ms, locale)}`);
      }
    }
    expect(formatRelative(now - 31_000, now, "en-GB")).toBe("31 secs ago");
  });
  it("formats sizes and percents", () => {
    expect(formatBytes(512, "en-US")).toBe("512 byte");
    expect(formatBytes(1_234_567, "en-US")).toBe("1.2 MB");
    expect(formatPercent(0.444, "en-US")).toBe("44%");
    expect(formatPercent(2, "en-US")).toBe("100%");
  });
  it("keeps one formatter per locale and options: interleaved calls never borrow another's", () => {
    for (let i = 0; i < 3; i++) {
      expect(formatCount(1234567, "en-US")).toBe("1,234,567");
      expect(formatCount(1234567, "de-DE")).toBe("1.234.567");
      expect(formatBytes(1_234_567, "en-US")).toBe("1.2 MB");
      expect(formatBytes(12_345_678, "en-US")).toBe("12 MB");
      expect(formatBytes(1_234_567, "de-DE")).toBe("1,2 MB");
    }
    // Many locales (they can come from a request) never grow the kept set without bound: each still formats right.
    for (const locale of Array.from({ length: 200 }, (_, i) => `en-US-u-nu-latn-x-${i}`))
      expect(formatCount(1000, locale)).toBe("1,000");
  });
  it("names formats and layouts", () => {
    expect(formatLabel("text/csv")).toBe("CSV");
    expect(formatLabel("application/vnd.ms-excel")).toBe("Excel");
    expect(formatLabel(undefined)).toBe("—");
    expect(layoutLabel("TABULAR_MULTI_COLUMN")).toBe("Tabular multi column");
  });
});

describe("estimateExportBytes", () => {
  it("estimates from rows, columns and types", () => {
    expect(
      estimateExportBytes({ rowCount: 1000, columnCount: 2, dataTypes: ["NUMBER", "TEXT"], headerNames: ["a", "b"] }),
    ).toBe(4 + 1000 * (10 + 24 + 1));
  });
  it("gives up without rows or columns", () => {
    expect(estimateExportBytes(undefined)).toBeUndefined();
    expect(estimateExportBytes({ columnCount: 3 })).toBeUndefined();
    expect(estimateExportBytes({ rowCount: 3 })).toBeUndefined();
  });
});
