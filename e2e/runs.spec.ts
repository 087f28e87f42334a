import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { APP_URL } from "./support/env";
import { expect, test } from "./support/fixtures";
import { SEED } from "../sim/seed/ids";

const W = SEED.workspaces.finance;
const M = SEED.models.fpa;
const exportPage = (e: string) => `/w/${W}/m/${M}/exports/${e}`;

/** Runs an export from its page and waits for the newest task of the live table to show `state`. */
async function runUntil(page: Page, exportId: string, state: string) {
  await page.goto(exportPage(exportId));
  await page.getByRole("button", { name: "Run export" }).click();
  const newest = page
    .getByRole("table", { name: /Tasks of/ })
    .getByRole("row")
    .nth(1);
  await expect(newest.getByText(state, { exact: true })).toBeVisible({ timeout: 30_000 });
  return newest;
}

const JOURNEY =
  "the team's memory: who ran each export, how it ended, who cancelled it, and the history on the export page";

test(JOURNEY, async ({ browser, page, sim, signIn }) => {
  test.setTimeout(120_000);
  await sim.configure({ taskDurationMs: 3_000, slowTaskDurationMs: 120_000, cancelLatencyMs: 1_500 });
  await signIn(page, "ada");

  const done = await runUntil(page, SEED.exports.revenueCsv, "Complete");
  await expect(done).toContainText("Ada Lovelace");
  // Other journeys of the same run may have run this export too: the newest run is Ada's.
  const chart = page.getByRole("figure", { name: /Duration of the last (run|\d+ runs)/ });
  await expect(chart).toBeVisible();
  await expect(chart.getByText(/Usually takes about \d+ s\./)).toBeVisible();
  const alternative = page.getByRole("table", { name: "Recent runs of Revenue by Region - Data.csv, newest first" });
  await expect(alternative.getByRole("row").nth(1)).toContainText("Ada Lovelace");
  await expect(alternative.getByRole("row").nth(1)).toContainText("Complete");

  await runUntil(page, SEED.exports.failing, "Failed");
  await runUntil(page, SEED.exports.slow, "In progress");

  const other = await browser.newContext();
  const bruno = await other.newPage();
  await signIn(bruno, "bruno");
  await bruno.goto(exportPage(SEED.exports.slow));
  await expect(bruno.getByRole("status").filter({ hasText: "Model busy" })).toContainText("Started by Ada Lovelace");
  const adasRun = bruno
    .getByRole("table", { name: /Tasks of/ })
    .getByRole("row")
    .nth(1);
  await expect(adasRun).toContainText("Ada Lovelace");
  await adasRun.getByRole("button", { name: /Cancel task/ }).click();
  await bruno.getByRole("dialog").getByRole("button", { name: "Cancel the run" }).click();
  await expect(adasRun.getByText("Cancelled", { exact: true })).toBeVisible({ timeout: 30_000 });

  await bruno.getByRole("navigation", { name: "Model sections" }).getByRole("link", { name: "Runs" }).click();
  await expect(bruno.getByRole("heading", { name: "Runs", level: 1 })).toBeVisible();
  const runs = bruno.getByRole("table", { name: /Runs of this model/ });
  const runOf = (name: string) =>
    runs
      .getByRole("row")
      .filter({ has: bruno.getByRole("link", { name, exact: true }) })
      .first();
  await expect(runOf("Workforce Plan - Full Year.csv")).toContainText("Ada Lovelace");
  await expect(runOf("Workforce Plan - Full Year.csv")).toContainText("Cancelled by Bruno Díaz");
  await expect(runOf("Workforce Plan - Full Year.csv").getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(runOf("Revenue by Region (Saved View) - Data.csv")).toContainText(
    "the saved view 'Revenue by Region' no longer exists",
  );
  await expect(runOf("Revenue by Region (Saved View) - Data.csv").getByText("Failed", { exact: true })).toBeVisible();
  await expect(runOf("Revenue by Region - Data.csv")).toContainText("Ada Lovelace");
  await expect(bruno.getByText(/accurate to the polling interval/)).toBeVisible();

  const [csv] = await Promise.all([
    bruno.waitForEvent("download"),
    bruno.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(await readFile(await csv.path(), "utf8")).toContain("Ada Lovelace");

  // Filters live in the URL: each one is a page of its own, so Back returns to the view before it.
  await bruno.getByLabel("Outcome").selectOption({ label: "Failed" });
  await expect(bruno).toHaveURL(/[?&]outcome=failed/);
  await expect(runs.getByRole("row").nth(1).getByText("Failed", { exact: true })).toBeVisible();
  await expect(runs.getByText("Cancelled", { exact: true })).toHaveCount(0);
  await bruno.goBack();
  await expect(bruno).not.toHaveURL(/outcome=/);
  await expect(runOf("Workforce Plan - Full Year.csv")).toBeVisible();

  // One run a page: "Older runs" follows the cursor, Back returns to the newest.
  await bruno.goto(`/w/${W}/m/${M}/runs?by=${encodeURIComponent(SEED.users.ada.email)}&limit=1`);
  await expect(runs.getByRole("row")).toHaveCount(2);
  const newest = await runs.getByRole("row").nth(1).getAttribute("data-task-id");
  await bruno.getByRole("navigation", { name: "Pages of runs, top" }).getByRole("link", { name: "Older runs" }).click();
  await expect(bruno).toHaveURL(/[?&]cursor=/);
  await expect(runs.getByRole("row").nth(1)).not.toHaveAttribute("data-task-id", newest ?? "");
  await expect(bruno.getByRole("link", { name: "Back to newest" }).first()).toBeVisible();
  await bruno.goBack();
  await expect(runs.getByRole("row").nth(1)).toHaveAttribute("data-task-id", newest ?? "");

  await bruno.goto(`/w/${W}/m/${M}/runs?outcome=exploded`);
  await expect(bruno.getByRole("alert").filter({ hasText: "These filters cannot be used" })).toContainText(
    '"outcome" must be one of',
  );
  await bruno.getByRole("link", { name: "Clear filters" }).click();
  await expect(runs).toBeVisible();
  await other.close();
});

test("a teammate without access to a model sees none of its runs, on the page or in the CSV", async ({
  browser,
  page,
  sim,
  signIn,
}) => {
  void sim;
  const restricted = SEED.models.restricted;
  await signIn(page, "ada");
  const started = await page.request.post(`/api/workspaces/${W}/models/${restricted}/exports/116000000101/tasks`, {
    headers: { "X-Export-Desk-CSRF": "1", Origin: APP_URL, "Content-Type": "application/json" },
    data: {},
  });
  expect(started.status()).toBe(201);
  await page.goto(`/w/${W}/m/${restricted}/runs`);
  const adaRuns = page.getByRole("table", { name: /runs/i }).getByRole("row");
  await expect(adaRuns).toHaveCount(2);
  await expect(adaRuns.nth(1)).toContainText("Ada Lovelace");

  const other = await browser.newContext();
  const bruno = await other.newPage();
  await signIn(bruno, "bruno");
  await bruno.goto(`/w/${W}/m/${restricted}/runs`);
  await expect(bruno.getByRole("heading", { name: "No access to this model" })).toBeVisible();
  await expect(bruno.getByText("Ada Lovelace")).toHaveCount(0);
  expect((await bruno.request.get(`/api/workspaces/${W}/models/${restricted}/runs.csv`)).status()).toBe(404);
  expect((await bruno.request.get(`/api/workspaces/${W}/models/${restricted}/runs`)).status()).toBe(404);
  await other.close();
});
