import { expect, test } from "./support/fixtures";
import { SEED } from "../sim/seed/ids";

const W = SEED.workspaces.finance;
const M = SEED.models.fpa;

test("a teammate sees the run in model activity, but the file is private to its runner", async ({
  browser,
  page,
  sim,
  signIn,
}) => {
  await sim.configure({ taskDurationMs: 3_000 });
  await signIn(page, "ada");
  await page.goto(`/w/${W}/m/${M}/exports/${SEED.exports.opexTxt}`);
  await page.getByRole("button", { name: "Run export" }).click();
  const adaRow = page
    .getByRole("table", { name: /Tasks of/ })
    .getByRole("row")
    .nth(1);
  await expect(adaRow.getByText("Complete", { exact: true })).toBeVisible({ timeout: 30_000 });

  const other = await browser.newContext();
  const bruno = await other.newPage();
  await signIn(bruno, "bruno");
  await bruno.goto(`/w/${W}/m/${M}/activity`);
  await expect(bruno.getByRole("heading", { name: "Model activity", level: 1 })).toBeVisible();
  const activity = bruno.getByRole("table", { name: /Recent tasks across all exports/ });
  await expect(activity.getByRole("row").filter({ hasText: "Opex by Cost Center - Data.txt" }).first()).toBeVisible({
    timeout: 20_000,
  });
  await bruno.getByLabel("State").selectOption({ label: "Complete" });
  await expect(activity.getByRole("row").filter({ hasText: "Opex by Cost Center" }).first()).toBeVisible();

  await activity.getByRole("link", { name: "Opex by Cost Center - Data.txt" }).first().click();
  await expect(bruno.getByRole("heading", { name: "Opex by Cost Center - Data.txt", level: 1 })).toBeVisible();
  await expect(bruno.getByText(/No result file for you yet/)).toBeVisible();
  await expect(bruno.getByText(/private to whoever ran/).first()).toBeVisible();
  await expect(bruno.getByRole("link", { name: /Download latest result/ })).toHaveCount(0);
  await other.close();
});

test("a model without access says so", async ({ page, sim, signIn }) => {
  void sim;
  await signIn(page, "bruno");
  await page.goto(`/w/${W}/m/${SEED.models.restricted}`);
  await expect(page.getByText("This model does not exist or you have no access to it.")).toBeVisible();
  await page.goto(`/w/${W}/m/${SEED.models.restricted}/activity`);
  await expect(page.getByText("This model does not exist or you have no access to it.")).toBeVisible();
});
