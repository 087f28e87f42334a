import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { SEED } from "../sim/seed/ids";

const W = SEED.workspaces.finance;
const M = SEED.models.fpa;
const shots = path.join(__dirname, "..", "test-results", "screenshots");
const THEMES = ["light", "dark"] as const;

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

/** No page wider than the phone, and every Cancel button on screen without scrolling sideways. */
async function fitsThePhone(page: Page, what: string) {
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    // The innermost elements reaching past the right edge, to name the culprit when this fails.
    wide: [...document.body.querySelectorAll("*")]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${e.textContent?.slice(0, 30)}"`),
  }));
  expect(scrollWidth, `${what}: page width; too wide: ${wide.join(" | ")}`).toBeLessThanOrEqual(innerWidth);
  for (const button of await page.getByRole("button", { name: /Cancel task/ }).all()) {
    await expect(button, what).toBeVisible();
    const box = await button.boundingBox();
    expect(box, what).not.toBeNull();
    expect(box!.x, `${what}: Cancel's left edge`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${what}: Cancel's right edge`).toBeLessThanOrEqual(innerWidth);
  }
}

async function inBothThemes(page: Page, name: string, check: () => Promise<void>) {
  for (const colorScheme of THEMES) {
    await page.emulateMedia({ colorScheme });
    await check();
    await page.screenshot({ path: path.join(shots, `${name}-${colorScheme}.png`), fullPage: true });
    // The first screen alone, as a phone shows it.
    await page.screenshot({ path: path.join(shots, `${name}-${colorScheme}-screen.png`) });
  }
}

test("on a phone, task tables become cards that fit the screen, in light and dark", async ({ page, sim, signIn }) => {
  test.setTimeout(120_000);
  await sim.configure({ taskDurationMs: 3_000, slowTaskDurationMs: 120_000 });
  await signIn(page, "ada");

  const exportPage = `/w/${W}/m/${M}/exports/${SEED.exports.slow}`;
  await page.goto(exportPage);
  const run = page.getByRole("button", { name: "Run export" });
  const cards = page.getByRole("list", { name: /Tasks of/ });
  await run.click();
  await expect(cards.getByText("In progress", { exact: true })).toBeVisible({ timeout: 30_000 });
  await run.click();
  await expect(cards.getByText("Not started", { exact: true })).toBeVisible({ timeout: 30_000 });
  // The table is for larger screens only: on a phone it is not shown at all.
  await expect(page.getByRole("table", { name: /Tasks of/ })).toBeHidden();
  await expect(cards.getByRole("listitem")).toHaveCount(2);
  await expect(cards.getByRole("listitem").first()).toContainText("Ada Lovelace");
  await expect(cards.getByRole("button", { name: /Cancel task/ })).toHaveCount(2);
  // The running task is in the cards below, so the busy banner is one line.
  const banner = page.getByRole("status").filter({ hasText: "Model busy" });
  await expect(banner).toContainText("New runs wait until it finishes.");
  await expect(banner).not.toContainText("in the queue");

  // The "started" notes would cover the cards in the screenshots.
  const dismiss = page.getByRole("button", { name: "Dismiss notification" });
  while ((await dismiss.count()) > 0) await dismiss.first().click();

  await inBothThemes(page, "phone-export", async () => {
    await fitsThePhone(page, "export page");
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
  await page.emulateMedia({ colorScheme: "light" });

  // On another export the banner keeps its full explanation, with the place in the queue.
  await page.goto(`/w/${W}/m/${M}/exports/${SEED.exports.revenueCsv}`);
  await expect(page.getByRole("status").filter({ hasText: "Model busy" })).toContainText("number 2 in the queue");
  await fitsThePhone(page, "another export");

  await page.goto(`/w/${W}/m/${M}/activity`);
  const activity = page.getByRole("list", { name: /Recent tasks/ });
  await expect(activity.getByRole("button", { name: /Cancel task/ })).toHaveCount(2);
  await inBothThemes(page, "phone-activity", () => fitsThePhone(page, "activity page"));

  await page.goto(`/w/${W}/m/${M}/runs`);
  await expect(page.getByRole("heading", { name: "Runs", exact: true })).toBeVisible();
  const runs = page.getByRole("list", { name: /Runs of this model/ });
  // The run's ledger also holds other specs' runs: this test's two are the newest.
  await expect(runs.getByRole("listitem").nth(1)).toBeVisible();
  await expect(runs.getByRole("listitem").first()).toContainText("Ada Lovelace");
  await expect(page.getByRole("table", { name: /Runs of this model/ })).toBeHidden();
  await inBothThemes(page, "phone-runs", () => fitsThePhone(page, "runs page"));

  await page.goto("/");
  await expect(page.getByRole("link", { name: /^FP&A Planning/ })).toBeVisible();
  await fitsThePhone(page, "picker");
  await page.goto(`/w/${W}/m/${M}`);
  await expect(page.getByRole("link", { name: "Revenue by Region (Saved View)" }).first()).toBeVisible();
  await fitsThePhone(page, "catalogue");
  await page.goto(exportPage);
  // A click on a link while the page is still hydrating can be dropped by React: wait until the page is live.
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  await cards
    .getByRole("link", { name: /Details of task/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/tasks\//);
  await expect(page.getByRole("heading").first()).toBeVisible();
  await fitsThePhone(page, "task detail");
});
