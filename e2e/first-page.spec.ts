import { expect, test } from "./support/fixtures";

test("a signed-out visitor opening the dashboard is sent to sign in", async ({ page, sim }) => {
  void sim;
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/Export Desk/);
});
