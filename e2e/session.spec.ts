import { expect, test } from "./support/fixtures";
import { sealData, unsealData } from "iron-session";
import { SEED } from "../sim/seed/ids";
import { APP_URL, E2E_SESSION_SECRET } from "./support/env";

const W = SEED.workspaces.finance;
const M = SEED.models.fpa;

test("the Anaplan token expires mid-session and nothing breaks", async ({ page, sim, signIn }) => {
  // Tokens live 12 s: the run below outlasts several of them, so the BFF must refresh while the page polls.
  await sim.configure({ tokenLifetimeSeconds: 12, taskDurationMs: 15_000 });
  await signIn(page);
  await page.goto(`/w/${W}/m/${M}/exports/${SEED.exports.revenueCsv}`);
  await page.getByRole("button", { name: "Run export" }).click();
  const row = page
    .getByRole("table", { name: /Tasks of/ })
    .getByRole("row")
    .nth(1);
  await expect(row.getByText("In progress", { exact: true })).toBeVisible();
  await expect(row.getByText("Complete", { exact: true })).toBeVisible({ timeout: 40_000 });
  await page.getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("heading", { name: "Model activity", level: 1 })).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: /Recent tasks/ })
      .getByText("Revenue by Region - Data.csv")
      .first(),
  ).toBeVisible();
  await expect(page).not.toHaveURL(/\/login/);
});

test("when the session ends the page says so, keeps what it shows, and signing in returns to it", async ({
  page,
  sim,
  signIn,
}) => {
  void sim;
  await signIn(page);
  const activity = `/w/${W}/m/${M}/activity`;
  await page.goto(activity);
  await expect(page.getByRole("heading", { name: "Model activity", level: 1 })).toBeVisible();
  await page.context().clearCookies();
  // The next poll or a manual refresh meets a 401: a banner, and the page stays where it is.
  await page.getByRole("button", { name: "Refresh" }).click();
  const banner = page.getByRole("alert").filter({ hasText: "Your session has ended." });
  await expect(banner).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${activity}$`));
  await expect(page.getByRole("heading", { name: "Model activity", level: 1 })).toBeVisible();
  await banner.getByRole("link", { name: "Sign in again" }).click();
  await expect(page).toHaveURL(/\/login\?returnTo=.*activity.*reason=expired/);
  await page.getByLabel("Email").fill(SEED.users.ada.email);
  await page.getByLabel("Password").fill(SEED.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${activity}$`));
  await expect(page.getByRole("heading", { name: "Model activity", level: 1 })).toBeVisible();
});

test("a hidden tab keeps its session past several token lifetimes without calling the Integration API", async ({
  page,
  sim,
  signIn,
}) => {
  // Tokens live 12 s, so the open page asks for the session every 4 s and the BFF refreshes at half-life.
  await sim.configure({ tokenLifetimeSeconds: 12 });
  await signIn(page);
  const exportPage = `/w/${W}/m/${M}/exports/${SEED.exports.revenueCsv}`;
  await page.goto(exportPage);
  await expect(page.getByRole("button", { name: "Run export" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  // What the page asked before it was hidden (the file probe's upstream reads) may still reach Anaplan: wait until
  // the simulator's log stops growing, then count from there.
  let seen = -1;
  await expect
    .poll(
      async () => {
        const count = (await sim.requests()).filter((r) => r.path.startsWith("/2/0/")).length;
        const settled = count === seen;
        seen = count;
        return settled;
      },
      { timeout: 20_000, intervals: [1_000] },
    )
    .toBe(true);
  await sim.clearRequests();
  // The BFF measures token lifetimes in real time, so this waits for three refreshes (more than two lifetimes) to
  // have happened: only the page's keep-alive can have caused them.
  const refreshes = async () => (await sim.requests()).filter((r) => r.path === "/token/refresh").length;
  await expect.poll(refreshes, { timeout: 45_000, intervals: [1_000] }).toBeGreaterThanOrEqual(3);
  const requests = await sim.requests();
  expect(requests.filter((r) => r.path.startsWith("/2/0/"))).toEqual([]);
  expect(requests.filter((r) => r.path === "/token/authenticate")).toEqual([]);

  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => false });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await page.getByRole("button", { name: "Run export" }).click();
  await expect(
    page
      .getByRole("table", { name: /Tasks of/ })
      .getByRole("row")
      .nth(1),
  ).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Your session has ended." })).toHaveCount(0);
});

test("past the idle limit the banner says the session ended, and signing in returns to the same export", async ({
  page,
  sim,
  signIn,
}) => {
  void sim;
  await signIn(page);
  const exportPage = `/w/${W}/m/${M}/exports/${SEED.exports.revenueCsv}`;
  await page.goto(exportPage);
  await expect(page.getByRole("button", { name: "Run export" })).toBeVisible();

  // The same session, last seen three hours ago (the idle limit is two): resealed with the key id the cookie names.
  const cookie = (await page.context().cookies()).find((c) => c.name === "export-desk");
  if (!cookie) throw new Error("no session cookie");
  const password = { [cookie.value.split("*")[1] as string]: E2E_SESSION_SECRET };
  const data = await unsealData<{ lastSeenAt: number }>(cookie.value, { password, ttl: 13 * 3600 });
  const idle = await sealData({ ...data, lastSeenAt: Date.now() - 3 * 3600_000 }, { password, ttl: 12 * 3600 });
  await page.context().addCookies([{ name: "export-desk", value: idle, url: APP_URL }]);

  await page.getByRole("button", { name: "Refresh" }).click();
  const banner = page.getByRole("alert").filter({ hasText: "Your session has ended." });
  await expect(banner).toBeVisible();
  await expect(page.getByRole("button", { name: "Run export" })).toBeVisible();
  await banner.getByRole("link", { name: "Sign in again" }).click();
  await page.getByLabel("Email").fill(SEED.users.ada.email);
  await page.getByLabel("Password").fill(SEED.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${exportPage}$`));
  await expect(page.getByRole("button", { name: "Run export" })).toBeVisible();
});
