import { describe, expect, it } from "vitest";
import { runsCsv } from "./csv";
import type { Run } from "./types";

const run: Run = {
  taskId: "209C2A7D2E9C4CF2A3E1B2F8D0E1A111",
  exportId: "116000000001",
  exportName: "Revenue, by region",
  startedBy: { email: "ada@example.com", name: 'Ada "Countess" Lovelace' },
  startedAt: "2026-11-30T09:00:00.000Z",
  finishedAt: "2026-11-30T09:04:00.000Z",
  outcome: "failed",
  durationMs: 240000,
  failure: "Line one\r\nline two",
  cancelledBy: null,
  downloads: [
    { by: { email: "ada@example.com", name: "Ada" }, at: "2026-11-30T09:05:00.000Z", bytes: 10, complete: true },
  ],
};

describe("runsCsv", () => {
  it("starts with a byte order mark and a header row, and ends rows with CRLF", () => {
    const csv = runsCsv([]);
    expect(csv.startsWith("\uFEFFtaskId,exportId,exportName,startedByEmail,")).toBe(true);
    expect(csv.endsWith(",downloadedBy\r\n")).toBe(true);
  });

  it("quotes commas, quotes and line breaks as RFC 4180 says", () => {
    const line = runsCsv([run]).split("\r\n")[1];
    expect(line).toBe(
      '209C2A7D2E9C4CF2A3E1B2F8D0E1A111,116000000001,"Revenue, by region",ada@example.com,"Ada ""Countess"" Lovelace",' +
        '2026-11-30T09:00:00.000Z,2026-11-30T09:04:00.000Z,failed,240000,"Line one',
    );
    expect(runsCsv([run])).toContain('line two",,,Ada\r\n');
  });

  it.each(['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])(
    "neutralises a cell that a spreadsheet would run as a formula: %j",
    (name) => {
      const csv = runsCsv([{ ...run, exportName: name, failure: null }], { header: false });
      const cells = csv.split(",");
      expect(cells[2]!.replace(/^"/, "")).toMatch(/^'/);
    },
  );

  it("leaves numbers alone and omits the header and mark for later pages", () => {
    const csv = runsCsv([{ ...run, failure: null }], { header: false });
    expect(csv.startsWith("209C2A7D")).toBe(true);
    expect(csv).toContain(",failed,240000,,,,Ada\r\n");
  });
});
