import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { writeLogLine } from "./log-lines";

describe("request log lines", () => {
  let written: string[];
  beforeEach(() => {
    vi.useFakeTimers();
    written = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    vi.runOnlyPendingTimers();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it("writes the lines of many requests together, whole and in order, within 50 ms", () => {
    for (let i = 0; i < 5; i++) writeLogLine(`{"n":${i}}`);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(49);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(written).toEqual(['{"n":0}\n{"n":1}\n{"n":2}\n{"n":3}\n{"n":4}\n']);
    writeLogLine('{"n":5}');
    vi.advanceTimersByTime(50);
    expect(written).toHaveLength(2);
    expect(written[1]).toBe('{"n":5}\n');
  });

  it("writes at once when 16 KiB are waiting, without a second write of the same lines", () => {
    const line = JSON.stringify({ filler: "x".repeat(1_000) });
    for (let i = 0; i < 17; i++) writeLogLine(line);
    expect(written).toHaveLength(1);
    expect(written[0]!.split("\n").filter(Boolean)).toHaveLength(17);
    vi.advanceTimersByTime(50);
    expect(written).toHaveLength(1);
  });
});
