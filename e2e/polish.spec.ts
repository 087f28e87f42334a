import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { APP_URL } from "./support/env";
import { SEED } from "../sim/seed/ids";

const W = SEED.workspaces.finance;
const M = SEED.models.fpa;
const E = SEED.exports;
const exportPage = (e: string) => `/w/${W}/m/${M}/exports/${e}`;
const shots = path.join(__dirname, "..", "test-results", "screenshots");
const SIZES = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

/** 1280×800 and 390×844, light and dark: test-results/screenshots/<name>-<size>-<theme>.png. */
async function shootEverywhere(page: Page, name: string, ready: () => Promise<void>) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await ready();
      await page.screenshot({ path: path.join(shots, `${name}-${size.name}-${colorScheme}.png`), fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Every cut-off text (ellipsis or line clamp) inside `main` carries its full text in a tooltip. */
async function truncatedWithoutTooltip(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("main .truncate, main [class*='line-clamp']")]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
      .filter((e) => !(e.closest("[title]")?.getAttribute("title") ?? "").includes(e.textContent?.trim() ?? ""))
      .map((e) => e.textContent ?? ""),
  );
}

async function startRun(page: Page, exportId: string, localeName?: string) {
  const response = await page.request.post(`/api/workspaces/${W}/models/${M}/exports/${exportId}/tasks`, {
    headers: { "X-Export-Desk-CSRF": "1", Origin: APP_URL, "Content-Type": "application/json" },
    data: localeName ? { localeName } : {},
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { task: { taskId: string } }).task.taskId;
}

test.describe("polish", () => {
  test("picker cards say what a planner knows, and mark a model without access before it is opened", async ({
    browser,
    page,
    sim,
    signIn,
  }) => {
    test.setTimeout(120_000);
    await sim.configure({ taskDurationMs: 2_000 });
    const ada = await browser.newPage();
    await signIn(ada, "ada");
    await startRun(ada, E.revenueCsv);
    await ada.close();

    await signIn(page, "bruno");
    await page.goto("/");
    const main = page.getByRole("main");
    const fpa = main.getByRole("listitem").filter({ hasText: "FP&A Planning" }).getByRole("link");
    await expect(fpa).toContainText("Finance");
    await expect(fpa).toContainText(/changed in Anaplan \d+ days? ago/);
    await expect(fpa).toContainText(/Last run (just now|\d+ sec ago) by Ada Lovelace · \d+ exports? run/);
    // Bruno has the NO ACCESS role in Executive Compensation: marked, and not a link.
    const restricted = main.getByRole("listitem").filter({ hasText: "Executive Compensation" });
    await expect(restricted).toContainText("No access");
    await expect(restricted.getByRole("link")).toHaveCount(0);
    await expect(main.getByRole("listitem").filter({ hasText: "FY2023 Budget" })).toContainText("Archived");
    // Names, not 32-character ids.
    await expect(main).not.toContainText(M);
    await expect(main).not.toContainText(SEED.models.restricted);

    await fpa.click();
    await expect(page.getByRole("heading", { name: "FP&A Planning", level: 1 })).toBeVisible();
    await page.goto("/");
    await expect(fpa).toContainText(/opened by you (just now|\d+ sec ago)/);
    // Once anyone of the team has read the catalogue, the card says how many exports the model has.
    await expect(fpa).toContainText(/Finance · \d+ exports/);
    expect(await truncatedWithoutTooltip(page)).toEqual([]);
    await shootEverywhere(page, "picker", () => expect(restricted).toContainText("No access"));
  });

  test("the task page names the locale the run used, and a task that is gone links back to its export", async ({
    page,
    sim,
    signIn,
  }) => {
    test.setTimeout(120_000);
    await sim.configure({ taskDurationMs: 2_000 });
    await signIn(page, "ada");
    await page.goto(exportPage(E.revenueCsv));
    await page.getByLabel("Locale").selectOption("de_DE");
    await page.getByRole("button", { name: "Run export" }).click();
    const tasks = page.getByRole("table", { name: /Tasks of/ });
    await expect(tasks.getByText("Complete", { exact: true })).toBeVisible({ timeout: 30_000 });
    await tasks
      .getByRole("link", { name: /Details of task/ })
      .first()
      .click();
    await expect(page.getByRole("heading", { name: "Result" })).toBeVisible();
    const locale = page.getByRole("term").filter({ hasText: "Locale" });
    await expect(locale).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "Deutsch (Deutschland)" })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "Ada Lovelace" })).toBeVisible();
    // Opened after the run ended: its duration comes from the ledger.
    await expect(page.getByRole("definition").filter({ hasText: /^\d+ sec$/ })).toBeVisible();
    await shootEverywhere(page, "task", () => expect(page.getByRole("heading", { name: "Result" })).toBeVisible());

    await page.goto(`${exportPage(E.revenueCsv)}/tasks/${"A".repeat(32)}`);
    await expect(page.getByRole("heading", { name: "Task not found" })).toBeVisible();
    await page.getByRole("link", { name: "Back to Revenue by Region - Data.csv" }).last().click();
    await expect(page).toHaveURL(new RegExp(`${exportPage(E.revenueCsv)}$`));
  });

  test("a malformed link answers 404 with the header and logo, and says the link looks incomplete", async ({
    page,
    sim,
    signIn,
  }) => {
    void sim;
    await signIn(page, "ada");
    for (const address of [`/w/${W}/m/NOTANID`, exportPage("12345")]) {
      const response = await page.goto(address);
      expect(response?.status(), address).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await expect(page.getByText(/This link looks incomplete.*export ids are 12 digits/)).toBeVisible();
      await expect(page.getByRole("banner").getByRole("link", { name: "Export Desk" })).toBeVisible();
      await expect(page.getByRole("banner")).toContainText("Ada Lovelace");
    }
    await page.getByRole("banner").getByRole("link", { name: "Export Desk" }).click();
    await expect(page.getByRole("heading", { name: "Choose a model", level: 1 })).toBeVisible();
  });

  test("a tampered or foreign cookie asks to sign in; only a sign-out says 'signed out'", async ({
    page,
    sim,
    signIn,
  }) => {
    void sim;
    await signIn(page, "ada");
    const [cookie] = (await page.context().cookies()).filter((c) => c.name === "export-desk");
    expect(cookie).toBeDefined();
    const tampered = `${cookie!.value.slice(0, -6)}AAAAAA`;
    for (const value of [tampered, "Fe26.2**foreign**cookie"]) {
      await page.context().addCookies([{ ...cookie!, value }]);
      await page.goto(`/w/${W}/m/${M}`);
      await expect(page).toHaveURL(/\/login\?returnTo=.*reason=sign-in/);
      await expect(page.getByRole("status")).toHaveText("Please sign in to continue.");
      await expect(page.getByRole("main")).not.toContainText(/signed out/i);
    }
  });

  test("the Run button keeps the focus while busy; a wrong password focuses its field without moving the form", async ({
    page,
    sim,
    signIn,
  }) => {
    await page.goto("/login");
    const submit = page.getByRole("button", { name: "Sign in", exact: true });
    const before = await submit.boundingBox();
    await page.getByLabel("Email").fill(SEED.users.ada.email);
    await page.getByLabel("Password").fill("not-the-password");
    await submit.click();
    const password = page.getByLabel("Password");
    await expect(password).toBeFocused();
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(password).toHaveAccessibleDescription(/did not accept that email and password/);
    expect(await submit.boundingBox()).toEqual(before);

    await signIn(page, "ada");
    await sim.injectFault({
      path: `/exports/${E.revenueCsv}/tasks$`,
      method: "POST",
      mode: "delay",
      delayMs: 2_500,
      times: 1,
    });
    await page.goto(exportPage(E.revenueCsv));
    const run = page.getByRole("button", { name: "Run export" });
    await run.focus();
    await page.keyboard.press("Enter");
    await expect(run).toHaveAttribute("aria-busy", "true");
    await expect(run).toBeFocused();
    await expect(run).not.toHaveAttribute("aria-busy");
    await expect(run).toBeFocused();
  });

  test("relative times read one way, and cut-off names in task lists show the full name on hover", async ({
    page,
    sim,
    signIn,
  }) => {
    test.setTimeout(120_000);
    await sim.configure({ taskDurationMs: 2_000 });
    await signIn(page, "ada");
    await startRun(page, E.revenueCsv);
    await startRun(page, E.failing);
    await page.goto(exportPage(E.revenueCsv));
    // "12 sec ago" beside "2 sec", never "12 sec. ago".
    await expect(page.getByText(/\d+ sec ago/).first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(/Updated (just now|\d+ sec ago)/)).toBeVisible();
    expect(await page.locator("body").innerText()).not.toMatch(/\d+ (sec|min|hr)\. ago/);

    const main = page.getByRole("main");
    for (const width of [1280, 700]) {
      await page.setViewportSize({ width, height: 800 });
      for (const address of [`/w/${W}/m/${M}/activity`, exportPage(E.failing), `/w/${W}/m/${M}/runs`]) {
        await page.goto(address);
        await expect(main.getByText("Failed", { exact: true }).filter({ visible: true }).first()).toBeVisible({
          timeout: 30_000,
        });
        expect(await truncatedWithoutTooltip(page), `${address} at ${width}px`).toEqual([]);
      }
    }
  });
});
