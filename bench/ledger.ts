import { spawnSync } from "node:child_process";
import path from "node:path";
import { root } from "./support/processes";
import { repeated } from "./support/repeat";
import { judged, type Target } from "./support/targets";

interface Measured {
  engine: string;
  runsInModel: number;
  firstPage: { queryRuns: number; bare: number };
  laterPage: { queryRuns: number; bare: number };
  oneExport: number;
  byStarter: number;
  /** Folder growth, which includes WAL segments PGlite preallocates (a fixed cost, not per run). */
  bytesPer100k: number | null;
  tableBytesPer100k: number;
  walBytes: number | null;
}

/** lib/ code imports "server-only", which only resolves outside Next under the react-server condition. */
function measure(engine: string): Measured {
  const script = path.join(root, "bench", "support", "ledger-measure.ts");
  const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", script, engine], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`measuring the ledger on ${engine} failed: ${result.stderr.slice(-2000)}`);
  return JSON.parse(result.stdout.trim().split("\n").pop()!) as Measured;
}

/**
 * 6. Ledger at scale: GET …/runs' query (queryRuns: the page, its downloads, the Run shape) with 100,000 runs in one
 * model, against the bare indexed SQL of the same page in the same run, on PGlite and on the PostgreSQL server; and
 * PGlite's disk use per 100,000 runs. Needs no app or simulator.
 */
export async function ledgerScale() {
  const rows: object[] = [];
  const targets: Target[] = [];
  for (const engine of ["pglite", "postgres"]) {
    // Each run seeds its own database, so the spread covers the data's layout as well as the timing.
    const measured: Measured[] = [];
    const figures = await repeated(async () => {
      const one = measure(engine);
      measured.push(one);
      return { firstPage: one.firstPage.queryRuns, ratio: one.firstPage.queryRuns / one.firstPage.bare };
    });
    // The rows show the run whose first page was the median one.
    const m = measured.find((one) => one.firstPage.queryRuns === figures.firstPage.median) ?? measured[0]!;
    rows.push(
      {
        measure: `${engine}: first page of 50, queryRuns vs bare SQL (p50 ms)`,
        value: `${m.firstPage.queryRuns.toFixed(2)} vs ${m.firstPage.bare.toFixed(2)}`,
      },
      {
        measure: `${engine}: page after 500 runs (cursor), queryRuns vs bare SQL (p50 ms)`,
        value: `${m.laterPage.queryRuns.toFixed(2)} vs ${m.laterPage.bare.toFixed(2)}`,
      },
      { measure: `${engine}: one export's runs (p50 ms)`, value: m.oneExport },
      { measure: `${engine}: runs started by one person (p50 ms)`, value: m.byStarter },
    );
    rows.push({
      measure: `${engine}: tables + indexes per 100,000 runs (MiB; 3 states, 0.1 downloads each)`,
      value: m.tableBytesPer100k / 2 ** 20,
    });
    if (m.bytesPer100k !== null) {
      rows.push({
        measure: `${engine}: data folder growth per 100,000 runs (MiB, WAL included)`,
        value: m.bytesPer100k / 2 ** 20,
      });
      rows.push({
        measure: `${engine}: of which WAL segments (MiB, preallocated)`,
        value: (m.walBytes ?? 0) / 2 ** 20,
      });
    }
    targets.push(
      judged(
        `${engine}: runs first page (p50 ms, ${m.runsInModel.toLocaleString("en")} runs in the model)`,
        figures.firstPage,
        "< 20",
        (v) => v < 20,
      ),
      judged(`${engine}: queryRuns vs bare indexed SQL`, figures.ratio, "≤ 3", (v) => v <= 3),
    );
  }
  return { rows, targets };
}
