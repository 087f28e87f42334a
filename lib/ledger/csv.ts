import type { Run } from "./types";

const HEADER = [
  "taskId",
  "exportId",
  "exportName",
  "startedByEmail",
  "startedByName",
  "startedAt",
  "finishedAt",
  "outcome",
  "durationMs",
  "failure",
  "cancelledByEmail",
  "cancelledByName",
  "downloadedBy",
];

/**
 * Runs as CSV (RFC 4180: CRLF, quoted where needed), UTF-8 with a byte order mark so spreadsheets read accents.
 * Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get a leading apostrophe. Pass
 * `{ header: false }` for the pages after the first when streaming.
 */
export function runsCsv(runs: Run[], options: { header?: boolean } = {}): string {
  const lines = runs.map((run) =>
    row([
      run.taskId,
      run.exportId,
      run.exportName,
      run.startedBy?.email,
      run.startedBy?.name,
      run.startedAt,
      run.finishedAt,
      run.outcome,
      run.durationMs,
      run.failure,
      run.cancelledBy?.email,
      run.cancelledBy?.name,
      downloaders(run),
    ]),
  );
  return options.header === false ? lines.join("") : `\uFEFF${row(HEADER)}${lines.join("")}`;
}

function row(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(cell).join(",")}\r\n`;
}

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Who downloaded the run's file, each once, in the order they first did: "Ada Lovelace; Bruno Díaz". */
function downloaders(run: Run): string {
  return [...new Set(run.downloads.map((d) => d.by.name))].join("; ");
}
