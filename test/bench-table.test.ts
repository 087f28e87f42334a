import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { benchTable, END, formatFigure, readResults, START, withTable } from "../bench/support/table";

const root = path.resolve(__dirname, "..");

describe("README benchmark table", () => {
  it("is what bench/results/*.json say (run `npx tsx scripts/bench-table.ts` after a bench)", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    expect(readme).toBe(withTable(readme, readResults(root)));
  });

  it("lists every target of every result file with its median, spread, target and verdict", () => {
    const results = new Map([
      [
        "liveness",
        {
          date: "2026-12-03T08:00:00.000Z",
          node: "v20.20.2",
          machine: { cores: 2, loadAverage: [1.5, 2] },
          targets: [
            {
              name: "event delay | p50 (ms)",
              value: 12.345,
              min: 10,
              max: 1500,
              runs: [10, 12.345, 1500],
              target: "< 50",
              met: true,
            },
            { name: "old single run", value: 0.5, target: "≥ 0.8", met: false },
            { name: "context", value: 3, min: 2, max: 4, runs: [2, 3, 4], target: "context", met: null },
          ],
        },
      ],
    ]);
    const lines = benchTable(results).split("\n");
    expect(lines.slice(2)).toEqual([
      "| liveness | event delay \\| p50 (ms) | 12.3 | 10.0–1,500 (3) | < 50 | yes | 2026-12-03, v20.20.2, load 1.5→2 on 2 cores |",
      "| liveness | old single run | 0.50 | — (1 run) | ≥ 0.8 | **no** | 2026-12-03, v20.20.2, load 1.5→2 on 2 cores |",
      "| liveness | context | 3.00 | 2.00–4.00 (3) | context | — | 2026-12-03, v20.20.2, load 1.5→2 on 2 cores |",
    ]);
  });

  it("says what to do when the README has lost its markers", () => {
    expect(() => withTable("# no table here", new Map())).toThrow(START);
    expect(() => withTable(`${END} ${START}`, new Map())).toThrow(/markers/);
  });

  it("rounds figures to what the table can show", () => {
    expect([formatFigure(0.8123), formatFigure(12.34), formatFigure(1394.4), formatFigure(-0.33)]).toEqual([
      "0.81",
      "12.3",
      "1,394",
      "-0.33",
    ]);
  });
});
