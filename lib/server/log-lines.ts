import "server-only";
import { writeSync } from "node:fs";

/**
 * Request log lines, written together: at most every FLUSH_AFTER_MS, or at once when FLUSH_AT_BYTES are waiting —
 * one write for many requests instead of one each (a write to a pipe or file is a system call; at one request at a
 * time it cost as much as the rest of the log line). Lines stay whole and in order; what is pending is written at
 * exit, so a graceful stop loses nothing.
 */
const FLUSH_AFTER_MS = 50;
const FLUSH_AT_BYTES = 16 * 1024;

let pending = "";
let timer: ReturnType<typeof setTimeout> | undefined;

export function writeLogLine(line: string): void {
  pending += line + "\n";
  if (pending.length >= FLUSH_AT_BYTES) flush();
  else timer ??= setTimeout(flush, FLUSH_AFTER_MS).unref();
}

function flush(): void {
  clearTimeout(timer);
  timer = undefined;
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
