import { expect, test } from "./support/fixtures";
import { SEED } from "../sim/seed/ids";

const W = SEED.workspaces.finance;
const M = SEED.models.fpa;
const exportPage = `/w/${W}/m/${M}/exports/${SEED.exports.revenueCsv}`;

test("the latest result says its size and whose run made it; a teammate learns why there is no file for them", async ({
  browser,
  page,
  sim,
  signIn,
}) => {
  test.setTimeout(90_000);
  await sim.configure({ taskDurationMs: 3_000 });
  await signIn(page, "ada");
  await page.goto(exportPage);
  await page.getByRole("button", { name: "Run export" }).click();
  const newest = page
    .getByRole("table", { name: /Tasks of/ })
    .getByRole("row")
    .nth(1);
  await expect(newest.getByText("Complete", { exact: true })).toBeVisible({ timeout: 30_000 });

  const latest = page.getByRole("region", { name: "Latest result" });
  await expect(latest.getByRole("link", { name: "Download latest result" })).toBeVisible();
  await expect(latest).toContainText(/\d+(\.\d)? (byte|kB|MB) · from your run at \d\d:\d\d/);

  const other = await browser.newContext();
  const bruno = await other.newPage();
  await signIn(bruno, "bruno");
  await bruno.goto(exportPage);
  await expect(bruno.getByRole("region", { name: "Latest result" })).toContainText(
    /Ada Lovelace’s run made a file only they can download; run it yourself — usually about \d+ s\./,
  );
  await other.close();
});

test("a result over 1 GB asks before it downloads", async ({ page, sim, signIn }) => {
  test.setTimeout(90_000);
  await sim.configure({ taskDurationMs: 3_000 });
  await signIn(page, "ada");
  await page.goto(`/w/${W}/m/${M}/exports/${SEED.exports.huge}`);
  await page.getByRole("button", { name: "Run export" }).click();
  await expect(
    page
      .getByRole("table", { name: /Tasks of/ })
      .getByRole("row")
      .nth(1)
      .getByText("Complete", { exact: true }),
  ).toBeVisible({ timeout: 30_000 });

  const latest = page.getByRole("region", { name: "Latest result" });
  await expect(latest).toContainText(/\d\.\d GB · from your run at \d\d:\d\d/);
  // No link to the file until the person has said yes.
  await expect(latest.getByRole("link", { name: /Download/ })).toHaveCount(0);
  await latest.getByRole("button", { name: "Download latest result" }).click();
  const ask = latest.getByRole("group", { name: "Confirm a large download" });
  await expect(ask).toContainText(/This file is about \d\.\d GB/);
  await expect(ask.getByRole("link", { name: /Download \d\.\d GB/ })).toBeVisible();
  await ask.getByRole("button", { name: "Not now" }).click();
  await expect(ask).toBeHidden();
  await expect(latest.getByRole("button", { name: "Download latest result" })).toBeVisible();
});
