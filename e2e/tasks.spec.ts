import { expect, test } from "./support/fixtures";
import { SEED } from "../sim/seed/ids";
import { SIM_URL } from "./support/env";

const W = SEED.workspaces.finance;
const M = SEED.models.fpa;
const exportPage = (e: string) => `/w/${W}/m/${M}/exports/${e}`;

/** The bytes the simulator serves for an export file, fetched with the user's own Anaplan token. */
async function simFile(user: keyof typeof SEED.users, exportId: string): Promise<Buffer> {
  const basic = Buffer.from(`${SEED.users[user].email}:${SEED.password}`).toString("base64");
  const auth = await fetch(`${SIM_URL}/token/authenticate`, {
    method: "POST",
    headers: { Authorization: `Basic ${basic}` },
  });
  const { tokenInfo } = (await auth.json()) as { tokenInfo: { tokenValue: string } };
  const res = await fetch(`${SIM_URL}/2/0/workspaces/${W}/models/${M}/files/${exportId}`, {
    headers: { Authorization: `AnaplanAuthToken ${tokenInfo.tokenValue}` },
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

test.describe("running exports", () => {
  test("run an export, watch it complete without reloading, preview and download it", async ({ page, sim, signIn }) => {
    await sim.configure({ taskDurationMs: 4_000 });
    await signIn(page);
    await page.goto(exportPage(SEED.exports.revenueCsv));
    await expect(page.getByRole("heading", { name: "Revenue by Region - Data.csv", level: 1 })).toBeVisible();
    await expect(page.getByRole("table", { name: /Columns of the export/ })).toBeVisible();

    await page.getByLabel("Locale").selectOption("en_GB");
    await page.getByRole("button", { name: "Run export" }).click();
    const tasks = page.getByRole("table", { name: /Tasks of Revenue by Region - Data.csv/ });
    const first = tasks.getByRole("row").nth(1);
    await expect(first.getByText(/Not started|In progress/)).toBeVisible();
    await expect(first.getByText("Complete", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("status").filter({ hasText: "Revenue by Region - Data.csv: complete" })).toBeVisible();

    await expect(page.getByRole("region", { name: "Preview of the result file" })).toBeVisible();
    const downloadLink = page.getByRole("link", { name: /Download latest result/ });
    const [download] = await Promise.all([page.waitForEvent("download"), downloadLink.click()]);
    const path = await download.path();
    const fs = await import("node:fs/promises");
    const got = await fs.readFile(path);
    expect(got.equals(await simFile("ada", SEED.exports.revenueCsv))).toBe(true);
  });

  test("a failing export is red, never green, and its failure message is readable", async ({ page, sim, signIn }) => {
    await sim.configure({ taskDurationMs: 3_000 });
    await signIn(page);
    await page.goto(exportPage(SEED.exports.failing));
    await page.getByRole("button", { name: "Run export" }).click();
    const row = page
      .getByRole("table", { name: /Tasks of/ })
      .getByRole("row")
      .nth(1);
    await expect(row.getByText("Failed", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(row.getByText("Complete", { exact: true })).toHaveCount(0);
    await expect(row).toContainText("saved view 'Revenue by Region' no longer exists");

    await row.getByRole("link", { name: /Details of task/ }).click();
    await expect(page.getByRole("heading", { name: "Result" })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "The export could not be completed" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Cancel task" })).toHaveCount(0);
  });

  test("cancel a running task: Cancelling, then Cancelled", async ({ page, sim, signIn }) => {
    await sim.configure({ slowTaskDurationMs: 120_000, cancelLatencyMs: 4_000 });
    await signIn(page);
    await page.goto(exportPage(SEED.exports.slow));
    await page.getByRole("button", { name: "Run export" }).click();
    const row = page
      .getByRole("table", { name: /Tasks of/ })
      .getByRole("row")
      .nth(1);
    await expect(row.getByRole("button", { name: /Cancel/ })).toBeVisible();
    await row.getByRole("button", { name: /Cancel/ }).click();
    await page
      .getByRole("dialog", { name: /^Cancel your run of / })
      .getByRole("button", { name: "Cancel the run" })
      .click();
    await expect(row.getByText("Cancelling", { exact: true })).toBeVisible();
    await expect(row.getByText("Cancelled", { exact: true })).toBeVisible({ timeout: 30_000 });
  });
});
