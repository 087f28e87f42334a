import "server-only";
import { writeSync } from "node:fs";

/**
 * Request log lines, written together once per turn of the event loop: one write for many requests under load
 * instead of one each (console.log to a pipe or file is a synchronous write per call). Lines stay whole and in
 * order; what is pending is written at exit.
 */
let pending = "";

export function writeLogLine(line: string): void {
  if (!pending) setImmediate(flush);
  pending += line + "\n";
}

function flush(): void {
  const lines = pending;
  pending = "";
  if (lines) process.stdout.write(lines);
}

process.once("exit", () => {
  if (!pending) return;
  try {
    writeSync(1, pending);
  } catch {
    // stdout already closed: nothing else to do at exit
  }
  pending = "";
});
