import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root } from "./processes";
import type { Target } from "./targets";

/** What `npm run bench` writes to bench/results/<name>.json; files without targets (load.json) are not tabled. */
interface ResultFile {
  date: string;
  node?: string;
  machine?: { cores: number; loadAverage: number[] };
  targets?: Target[];
}

export const START = "<!-- bench:start -->";
export const END = "<!-- bench:end -->";
/** Benchmarks in the order the README has always listed them; any other file follows, by name. */
const ORDER = ["proxy", "download", "polling", "weight", "catalogue", "ledger", "ledger-cost", "sessions"];

const resultsDir = (base: string) => path.join(base, "bench", "results");

export function readResults(base = root): Map<string, ResultFile> {
  const names = readdirSync(resultsDir(base))
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const results = new Map<string, ResultFile>();
  for (const name of names) {
    const parsed = JSON.parse(readFileSync(path.join(resultsDir(base), `${name}.json`), "utf8")) as ResultFile;
    if (Array.isArray(parsed.targets) && parsed.targets.length) results.set(name, parsed);
  }
  return results;
}

function rank(name: string): number {
  const i = ORDER.indexOf(name);
  return i < 0 ? ORDER.length : i;
}

export function formatFigure(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString("en");
  return value.toFixed(abs >= 10 ? 1 : 2);
}

const cell = (text: string) => text.replaceAll("|", "\\|");

/** The Markdown table: one line per target of every result file. */
export function benchTable(results: Map<string, ResultFile>): string {
  const lines = [
    "| bench | measure | median | min–max (runs) | target | met | measured |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const [name, result] of results) {
    for (const t of result.targets ?? []) {
      const spread =
        t.min === undefined || t.max === undefined
          ? "— (1 run)"
          : `${formatFigure(t.min)}–${formatFigure(t.max)} (${t.runs?.length ?? "?"})`;
      const met = t.met === null ? "—" : t.met ? "yes" : "**no**";
      const load = result.machine
        ? `, load ${result.machine.loadAverage.join("→")} on ${result.machine.cores} cores`
        : "";
      const when = `${result.date.slice(0, 10)}${result.node ? `, ${result.node}` : ""}${load}`;
      lines.push(
        `| ${cell(name)} | ${cell(t.name)} | ${formatFigure(t.value)} | ${spread} | ${cell(t.target)} | ${met} | ${when} |`,
      );
    }
  }
  return lines.join("\n");
}

const NOTE =
  "_Generated from `bench/results/*.json` by `npx tsx scripts/bench-table.ts` (also at the end of `npm run bench`); " +
  "do not edit by hand._";

/** The README with the text between the markers replaced by the table of `results`. */
export function withTable(readme: string, results: Map<string, ResultFile>): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} markers for the benchmark table.`);
  // Prettier would re-align the columns; the table is kept as generated.
  const table = `<!-- prettier-ignore-start -->\n${benchTable(results)}\n<!-- prettier-ignore-end -->`;
  return `${readme.slice(0, start + START.length)}\n\n${NOTE}\n\n${table}\n\n${readme.slice(end)}`;
}

export function updateReadmeTable(base = root): void {
  const file = path.join(base, "README.md");
  const readme = readFileSync(file, "utf8");
  const next = withTable(readme, readResults(base));
  if (next !== readme) writeFileSync(file, next);
}
