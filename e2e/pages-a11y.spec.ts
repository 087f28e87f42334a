import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { SEED } from "../sim/seed/ids";

const W = SEED.workspaces.finance;
const M = SEED.models.fpa;
const shots = path.join(__dirname, "..", "test-results", "screenshots");

/** Waits out finite animations (a new row's 3 s highlight): axe would judge contrast against a passing colour. */
async function settled(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

async function scanAndShoot(page: Page, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await settled(page);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      bad.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} (${n.any[0]?.message ?? ""})`).join(", ")}`),
      `${name} (${colorScheme})`,
    ).toEqual([]);
    await page.screenshot({ path: path.join(shots, `${name}-${colorScheme}.png`), fullPage: true });
  }
}

test("every page passes an accessibility scan, in light and dark", async ({ page, sim, signIn }) => {
  // Twelve pages, each scanned in two themes: over two minutes on a busy 2-core machine.
  test.setTimeout(240_000);
  await sim.configure({ taskDurationMs: 3_000 });

  await page.goto("/login?reason=expired&returnTo=%2F");
  await expect(page.getByText("Your session has ended — please sign in to continue.")).toBeVisible();
  await scanAndShoot(page, "login");

  await signIn(page);
  await page.goto("/");
  await expect(page.getByRole("link", { name: /FP&A Planning/ })).toBeVisible();
  await scanAndShoot(page, "picker");

  await page.goto(`/w/${W}/m/${M}/exports/${SEED.exports.failing}`);
  await page.getByRole("button", { name: "Run export" }).click();
  await expect(page.getByRole("table", { name: /Tasks of/ }).getByText("Failed", { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await page.goto(`/w/${W}/m/${M}/exports/${SEED.exports.revenueCsv}`);
  await page.getByRole("button", { name: "Run export" }).click();
  const tasks = page.getByRole("table", { name: /Tasks of/ });
  await expect(tasks.getByText("Complete", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Preview of the result file" })).toBeVisible();
  await page.getByRole("button", { name: "Run export" }).click();
  await expect(tasks.getByText(/Not started|In progress/).first()).toBeVisible();
  await expect(page.getByRole("figure", { name: /Duration of the last/ })).toBeVisible();
  await scanAndShoot(page, "export");

  await page.goto(`/w/${W}/m/${M}`);
  await expect(
    page
      .getByRole("table", { name: /Exports of this model/ })
      .getByRole("rowheader")
      .first(),
  ).toBeVisible();
  const failingRow = page.getByRole("row").filter({ hasText: "Revenue by Region (Saved View)" });
  await failingRow.scrollIntoViewIfNeeded();
  await expect(failingRow.getByText("Failed", { exact: true })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await scanAndShoot(page, "catalogue");

  await page.goto(`/w/${W}/m/${M}/activity`);
  await expect(page.getByRole("table", { name: /Recent tasks/ })).toBeVisible();
  await scanAndShoot(page, "activity");

  await page.goto(`/w/${W}/m/${M}/runs`);
  await expect(
    page
      .getByRole("table", { name: /Runs of this model/ })
      .getByText("Failed", { exact: true })
      .first(),
  ).toBeVisible();
  await scanAndShoot(page, "runs");

  await page.goto(`/w/${W}/m/${M}/activity`);
  await page
    .getByRole("table", { name: /Recent tasks/ })
    .getByRole("row")
    .filter({ hasText: "Failed" })
    .first()
    .getByRole("link", { name: /Details of task/ })
    .click();
  await expect(page.getByRole("heading", { name: "Result" })).toBeVisible();
  await scanAndShoot(page, "task-failed");

  await page.goto(`/w/${W}/m/${SEED.models.archived}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await scanAndShoot(page, "archived-model");

  await page.goto("/this-page-does-not-exist");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await scanAndShoot(page, "not-found");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/w/${W}/m/${M}/exports/${SEED.exports.revenueCsv}`);
  await expect(page.getByRole("button", { name: "Run export" })).toBeVisible();
  await scanAndShoot(page, "export-phone");
  await page.goto(`/w/${W}/m/${M}`);
  await expect(
    page
      .getByRole("table", { name: /Exports of this model/ })
      .getByRole("rowheader")
      .first(),
  ).toBeVisible();
  await scanAndShoot(page, "catalogue-phone");
  await page.goto(`/w/${W}/m/${M}/runs`);
  // A phone gets the runs as cards.
  await expect(page.getByRole("list", { name: /Runs of this model/ })).toBeVisible();
  await scanAndShoot(page, "runs-phone");
});

test("no-access page passes the scan, and so does the picker that marks the model", async ({ page, sim, signIn }) => {
  void sim;
  await signIn(page, "bruno");
  await page.goto("/");
  await expect(page.getByRole("listitem").filter({ hasText: "Executive Compensation" })).toContainText("No access");
  await scanAndShoot(page, "picker-no-access");
  await page.goto(`/w/${W}/m/${SEED.models.restricted}`);
  await expect(page.getByText("This model does not exist or you have no access to it.")).toBeVisible();
  await scanAndShoot(page, "no-access");
});
