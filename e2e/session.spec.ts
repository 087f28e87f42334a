import { expect, test } from "./support/fixtures";
import { SEED } from "../sim/seed/ids";

const W = SEED.workspaces.finance;
const M = SEED.models.fpa;

test("the Anaplan token expires mid-session and nothing breaks", async ({ page, sim, signIn }) => {
  // Tokens live 12 s: the run below outlasts several of them, so the BFF must refresh while the page polls.
  await sim.configure({ tokenLifetimeSeconds: 12, taskDurationMs: 15_000 });
  await signIn(page);
  await page.goto(`/w/${W}/m/${M}/exports/${SEED.exports.revenueCsv}`);
  await page.getByRole("button", { name: "Run export" }).click();
  const row = page.getByRole("table", { name: /Tasks of/ }).getByRole("row").nth(1);
  await expect(row.getByText("In progress", { exact: true })).toBeVisible();
  await expect(row.getByText("Complete", { exact: true })).toBeVisible({ timeout: 40_000 });
  await page.getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("heading", { name: "Model activity", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: /Recent tasks/ }).getByText("Revenue by Region - Data.csv").first()).toBeVisible();
  await expect(page).not.toHaveURL(/\/login/);
});

test("when the session ends the user is sent to sign in, then back", async ({ page, sim, signIn }) => {
  void sim;
  await signIn(page);
  const activity = `/w/${W}/m/${M}/activity`;
  await page.goto(activity);
  await expect(page.getByRole("heading", { name: "Model activity", level: 1 })).toBeVisible();
  await page.context().clearCookies();
  // The next poll or a manual refresh meets a 401 and goes to sign-in.
  await page.getByRole("button", { name: "Refresh" }).click({ timeout: 3_000 }).catch(() => undefined);
  await expect(page).toHaveURL(/\/login\?returnTo=.*activity.*reason=expired/);
  await expect(page.getByText("You were signed out after inactivity — sign in to continue.")).toBeVisible();
  await page.getByLabel("Email").fill(SEED.users.ada.email);
  await page.getByLabel("Password").fill(SEED.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${activity}$`));
  await expect(page.getByRole("heading", { name: "Model activity", level: 1 })).toBeVisible();
});
