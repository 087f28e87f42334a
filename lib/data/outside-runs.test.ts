import { describe, expect, it } from "vitest";
import { exportOfStatus } from "./outside-runs";

const defs = [
  { id: "116000000001", name: "Revenue by Region - Data.csv" },
  { id: "116000000002", name: "Revenue" },
  { id: "116000000003", name: "Opex by Cost Center - Data.txt" },
];
const tooltip = (name: string) => `The system is currently processing an Export (${name}) started by user Bruno Díaz.`;

describe("which export a model status names", () => {
  it("the export whose name the tooltip quotes; the longest name wins", () => {
    expect(exportOfStatus({ taskId: "X", tooltip: tooltip("Revenue by Region - Data.csv") }, defs)?.id).toBe(
      "116000000001",
    );
    expect(exportOfStatus({ taskId: "X", tooltip: tooltip("Revenue") }, defs)?.id).toBe("116000000002");
  });

  it("none when the status names nothing known, or has no tooltip", () => {
    expect(exportOfStatus({ taskId: "X", tooltip: tooltip("Some import") }, defs)).toBeNull();
    expect(exportOfStatus({ taskId: "X" }, defs)).toBeNull();
    expect(exportOfStatus(null, defs)).toBeNull();
  });
});
