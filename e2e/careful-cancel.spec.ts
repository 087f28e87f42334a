import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { SEED } from "../sim/seed/ids";

const W = SEED.workspaces.finance;
const M = SEED.models.fpa;
const exportPage = (e: string) => `/w/${W}/m/${M}/exports/${e}`;
const shots = path.join(__dirname, "..", "test-results", "screenshots");

const newestRow = (page: Page) =>
  page
    .getByRole("table", { name: /Tasks of/ })
    .getByRole("row")
    .nth(1);

async function startSlowRun(page: Page) {
  await page.goto(exportPage(SEED.exports.slow));
  // Started from the keyboard, the Run button keeps the focus while it is busy and after.
  const run = page.getByRole("button", { name: "Run export" });
  await run.focus();
  await page.keyboard.press("Enter");
  await expect(newestRow(page).getByText("In progress", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(run).toBeFocused();
}

test.describe("careful cancel", () => {
  test("a teammate's run: the question names Ada, the keyboard confirms, everyone reads who cancelled", async ({
    browser,
    page,
    sim,
    signIn,
  }) => {
    test.setTimeout(120_000);
    await sim.configure({ slowTaskDurationMs: 120_000, cancelLatencyMs: 1_500 });
    await signIn(page, "ada");
    await startSlowRun(page);
    // Ada's tab shows her run's progress, then how it ended.
    await expect(page).toHaveTitle(/^▶( \d+%)? Workforce Plan - Full Year\.csv · FP&A Planning · Export Desk$/);

    const other = await browser.newContext();
    const bruno = await other.newPage();
    await signIn(bruno, "bruno");
    await bruno.goto(exportPage(SEED.exports.slow));
    const adasRun = newestRow(bruno);
    await expect(adasRun).toContainText("Ada Lovelace");
    const cancel = adasRun.getByRole("button", { name: /Cancel task/ });

    // Escape keeps it running, and focus goes back to the Cancel button.
    await cancel.focus();
    await bruno.keyboard.press("Enter");
    const dialog = bruno.getByRole("dialog", { name: /^Cancel Ada Lovelace's run of .+, running \d+ sec\?$/ });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Keep it running" })).toBeFocused();
    await bruno.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(cancel).toBeFocused();
    await expect(adasRun.getByText("In progress", { exact: true })).toBeVisible();

    // Confirmed with the keyboard alone.
    await bruno.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await bruno.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Cancel the run" })).toBeFocused();
    await bruno.keyboard.press("Enter");
    await expect(dialog).toBeHidden();

    const cancelled = "Cancelled by Bruno Díaz — no file produced";
    await expect(adasRun.getByText(cancelled)).toBeVisible({ timeout: 30_000 });
    await expect(newestRow(page).getByText(cancelled)).toBeVisible({ timeout: 30_000 });
    await expect(page).toHaveTitle(/^✗ Workforce Plan - Full Year\.csv · /);

    await adasRun.getByRole("link", { name: /Details of task/ }).click();
    const result = bruno.getByRole("region", { name: "Result" });
    await expect(result).toContainText(cancelled);
    await expect(result).not.toContainText("failed");
    await other.close();
  });

  test("your own run says 'your run'; the open dialog passes axe in light and dark", async ({ page, sim, signIn }) => {
    test.setTimeout(90_000);
    await sim.configure({ slowTaskDurationMs: 120_000, cancelLatencyMs: 1_500 });
    await signIn(page, "ada");
    await startSlowRun(page);
    await newestRow(page)
      .getByRole("button", { name: /Cancel task/ })
      .click();
    const dialog = page.getByRole("dialog", { name: /^Cancel your run of / });
    await expect(dialog).toBeVisible();
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).include("dialog").analyze();
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad, `cancel dialog (${colorScheme})`).toEqual([]);
      await page.screenshot({ path: path.join(shots, `cancel-dialog-${colorScheme}.png`) });
    }
    await dialog.getByRole("button", { name: "Keep it running" }).click();
    await expect(dialog).toBeHidden();

    // The task page's Cancel goes through the same dialog, and focus comes back to it.
    await newestRow(page)
      .getByRole("link", { name: /Details of task/ })
      .click();
    const cancel = page.getByRole("button", { name: "Cancel task" });
    await cancel.click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(cancel).toBeFocused();
    await cancel.click();
    await dialog.getByRole("button", { name: "Cancel the run" }).click();
    const result = page.getByRole("region", { name: "Result" });
    await expect(result).toContainText("Cancelled by Ada Lovelace — no file produced", { timeout: 30_000 });
    await expect(result).not.toContainText("failed");
  });
});

test("a cancel Anaplan outruns says the export finished before the cancel took effect", async ({
  page,
  sim,
  signIn,
}) => {
  test.setTimeout(90_000);
  await sim.configure({ taskDurationMs: 6_000, cancelLatencyMs: 1_500 });
  await signIn(page, "ada");
  await page.goto(exportPage(SEED.exports.uncancellable));
  await page.getByRole("button", { name: "Run export" }).click();
  const row = newestRow(page);
  await row.getByRole("button", { name: /Cancel task/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel the run" }).click();
  await expect(row.getByText("Anaplan finished it before the cancel took effect")).toBeVisible({ timeout: 30_000 });
  await expect(row.getByText("Complete", { exact: true })).toBeVisible();
});

test("the export page's tab title names the export and the model", async ({ page, signIn }) => {
  await signIn(page, "ada");
  await page.goto(exportPage(SEED.exports.revenueCsv));
  await expect(page).toHaveTitle(/Revenue by Region - Data\.csv · FP&A Planning · Export Desk$/);
  await page.goto(`/w/${W}/m/${M}/runs`);
  await expect(page).toHaveTitle("Runs · FP&A Planning · Export Desk");
});
