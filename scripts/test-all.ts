/**
 * Runs every suite — unit and conformance (vitest), a production build, end-to-end (Playwright) —
 * and ends with one line `N passed, N failed`. `--with-checks` adds the type check, lint and unused-code check (CI).
 * and ends with one line `N passed, N failed`. `--with-checks` adds the type check, lint and the
 * self-contained check (CI).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const reports = path.join(root, "test-results", "reports");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

interface Outcome {
  suite: string;
  passed: number;
  failed: number;
}

function run(command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${path.basename(command)} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  return result.status === 0;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

function check(suite: string, command: string, args: string[]): Outcome {
  const ok = run(command, args);
  return { suite, passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
}

function vitest(): Outcome {
  const file = path.join(reports, "vitest.json");
  const ok = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  const report = readJson<{ numPassedTests: number; numFailedTests: number }>(file);
  if (!report) return { suite: "unit + conformance (vitest)", passed: 0, failed: 1 };
  // A crash outside any test (a failing import, say) still fails the suite.
  const failed = report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1);
  return { suite: "unit + conformance (vitest)", passed: report.numPassedTests, failed };
}

function playwright(): Outcome {
  const file = path.join(reports, "playwright.json");
  const ok = run(bin("playwright"), ["test", "-c", "e2e"], { PLAYWRIGHT_JSON_OUTPUT_FILE: file });
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(file);
  if (!report) return { suite: "end-to-end (playwright)", passed: 0, failed: 1 };
  const failed = report.stats.unexpected + (ok || report.stats.unexpected > 0 ? 0 : 1);
  return { suite: "end-to-end (playwright)", passed: report.stats.expected + report.stats.flaky, failed };
}

const withChecks = process.argv.includes("--with-checks");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const outcomes: Outcome[] = [];
if (withChecks) {
  outcomes.push(check("type check (tsc)", bin("tsc"), ["--noEmit"]));
  outcomes.push(check("lint (eslint)", bin("eslint"), ["."]));
  outcomes.push(check("format (prettier)", bin("prettier"), ["--check", "--log-level", "warn", "."]));
  outcomes.push(check("unused code (knip)", bin("knip"), ["--include", "exports,types,files", "--no-progress"]));
  outcomes.push(check("self-contained (no outside reads)", bin("tsx"), ["scripts/check-self-contained.ts"]));
}
outcomes.push(vitest());
const built = check("production build (npm run build)", "npm", ["run", "build"]);
outcomes.push(built);
outcomes.push(built.failed ? { suite: "end-to-end (playwright)", passed: 0, failed: 1 } : playwright());

console.log("\nSummary");
for (const o of outcomes) console.log(`  ${o.suite.padEnd(34)} ${o.passed} passed, ${o.failed} failed`);
const passed = outcomes.reduce((n, o) => n + o.passed, 0);
const failed = outcomes.reduce((n, o) => n + o.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
