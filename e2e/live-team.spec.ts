import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { LB2_PORT, SIM_URL } from "./support/env";
import { createScratchDatabase } from "./support/scratch-database";
import { startInstance, type Instance } from "./support/instances";
import { SEED } from "../sim/seed/ids";

const W = SEED.workspaces.finance;
const M = SEED.models.fpa;
const shots = path.join(__dirname, "..", "test-results", "screenshots");
const REVENUE = "Revenue by Region - Data.csv";
/** Far below the 2-minute idle poll of a quiet table: only the push can be this quick. */
const PUSHED = { timeout: 10_000 };
/** Runs started outside Export Desk are noticed through the model status, read every 10 s. */
const NOTICED = { timeout: 25_000 };

async function userPage(
  browser: Browser,
  signIn: (page: Page, user?: "ada" | "bruno") => Promise<void>,
  user: "ada" | "bruno",
) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

const activityTable = (page: Page) => page.getByRole("table", { name: /Recent tasks across all exports/ });
const exportTable = (page: Page) => page.getByRole("table", { name: /Tasks of/ });
const live = (page: Page) => page.getByText("Live", { exact: true });

/** Starts an export straight at the simulator, as Anaplan's UI or a script would. */
async function startOutside(user: "bruno", exportId: string): Promise<string> {
  const basic = Buffer.from(`${SEED.users[user].email}:${SEED.password}`).toString("base64");
  const auth = await fetch(`${SIM_URL}/token/authenticate`, {
    method: "POST",
    headers: { Authorization: `Basic ${basic}` },
  });
  const token = ((await auth.json()) as { tokenInfo: { tokenValue: string } }).tokenInfo.tokenValue;
  const res = await fetch(`${SIM_URL}/2/0/workspaces/${W}/models/${M}/exports/${exportId}/tasks`, {
    method: "POST",
    headers: { Authorization: `AnaplanAuthToken ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ localeName: "en_US" }),
  });
  return ((await res.json()) as { task: { taskId: string } }).task.taskId;
}

test("Bruno's run reaches Ada's open activity and export pages in seconds, and her activity says who started it", async ({
  browser,
  sim,
  signIn,
}) => {
  // Two users, three pages and two axe scans: slow on a loaded machine, though each push is awaited for 10 s only.
  test.setTimeout(150_000);
  await sim.configure({ taskDurationMs: 60_000 });
  const adaActivity = await userPage(browser, signIn, "ada");
  const adaExport = await adaActivity.context().newPage();
  await adaActivity.goto(`/w/${W}/m/${M}/activity`);
  await adaExport.goto(`/w/${W}/m/${M}/exports/${SEED.exports.revenueCsv}`);
  await expect(live(adaActivity)).toBeVisible();
  await expect(live(adaExport)).toBeVisible();

  const bruno = await userPage(browser, signIn, "bruno");
  await bruno.goto(`/w/${W}/m/${M}/exports/${SEED.exports.revenueCsv}`);
  await bruno.getByRole("button", { name: "Run export" }).click();

  await expect(adaActivity.getByText(`Bruno Díaz started ${REVENUE}`)).toBeVisible(PUSHED);
  await expect(
    activityTable(adaActivity).getByRole("row").filter({ hasText: REVENUE }).filter({ hasText: "Bruno Díaz" }),
  ).toBeVisible(PUSHED);
  await expect(exportTable(adaExport).getByRole("row").filter({ hasText: "Bruno Díaz" })).toBeVisible(PUSHED);
  await expect(adaExport.getByText(`Bruno Díaz started ${REVENUE}`)).toBeVisible(PUSHED);
  // Bruno started it himself: no notice on his page.
  await expect(bruno.getByText(`Bruno Díaz started ${REVENUE}`)).toHaveCount(0);

  // The notice is a toast for a few seconds: both themes are shot while it shows, then scanned.
  await adaActivity.bringToFront();
  for (const colorScheme of ["light", "dark"] as const) {
    await adaActivity.emulateMedia({ colorScheme });
    await adaActivity.screenshot({ path: path.join(shots, `live-team-activity-${colorScheme}.png`) });
  }
  for (const colorScheme of ["light", "dark"] as const) {
    await adaActivity.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page: adaActivity }).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      bad.map((v) => v.id),
      colorScheme,
    ).toEqual([]);
  }
  await adaActivity.context().close();
  await bruno.context().close();
});

test("a run started outside Export Desk appears on an open activity page through the model status", async ({
  browser,
  sim,
  signIn,
}) => {
  await sim.configure({ taskDurationMs: 60_000 });
  const ada = await userPage(browser, signIn, "ada");
  await ada.goto(`/w/${W}/m/${M}/activity`);
  await expect(live(ada)).toBeVisible();
  const taskId = await startOutside("bruno", SEED.exports.opexTxt);
  expect(taskId).toMatch(/^[0-9A-F]{32}$/);
  await expect(ada.getByText("Opex by Cost Center - Data.txt was started outside Export Desk")).toBeVisible(NOTICED);
  await expect(
    activityTable(ada).getByRole("row").filter({ hasText: "Opex by Cost Center - Data.txt" }).first(),
  ).toBeVisible(NOTICED);
  await ada.context().close();
});

test("with the stream cut, the page says it polls, and polling still brings a teammate's run", async ({
  browser,
  sim,
  signIn,
}) => {
  await sim.configure({ taskDurationMs: 600_000 });
  const ada = await userPage(browser, signIn, "ada");
  await ada.route("**/events", (route) => route.abort());
  await ada.clock.install();
  await ada.goto(`/w/${W}/m/${M}/exports/${SEED.exports.gridXls}`);
  const tasks = exportTable(ada);
  await expect(ada.getByText("Checking every 2 min")).toBeVisible();
  await expect(live(ada)).toHaveCount(0);

  const bruno = await userPage(browser, signIn, "bruno");
  await bruno.goto(`/w/${W}/m/${M}/exports/${SEED.exports.gridXls}`);
  await bruno.getByRole("button", { name: "Run export" }).click();
  await expect(exportTable(bruno).getByRole("row").filter({ hasText: "Bruno Díaz" })).toBeVisible();

  await expect(tasks.getByRole("row").filter({ hasText: "Bruno Díaz" })).toHaveCount(0);
  await ada.clock.fastForward(125_000);
  await expect(tasks.getByRole("row").filter({ hasText: "Bruno Díaz" })).toBeVisible();
  await ada.context().close();
  await bruno.context().close();
});

test("two instances on one DATABASE_URL: a run started on one reaches a page open on the other", async ({
  page,
  sim,
}) => {
  test.setTimeout(120_000);
  await sim.configure({ taskDurationMs: 60_000 });
  const database = await createScratchDatabase();
  const origin = `http://127.0.0.1:${LB2_PORT + 1}`;
  const env = {
    SESSION_SECRET: "live-instances-secret-0123456789abcdef-not-for-production",
    APP_ORIGIN: origin,
    DATABASE_URL: database.url,
  };
  const instances: Instance[] = [];
  try {
    instances.push(await startInstance(LB2_PORT + 1, env), await startInstance(LB2_PORT + 2, env));
    const [a, b] = instances as [Instance, Instance];
    const headers = { "X-Export-Desk-CSRF": "1", Origin: origin, "Content-Type": "application/json" };
    const signedIn = await page.request.post(`${a.url}/api/session`, {
      headers,
      data: { email: SEED.users.ada.email, password: SEED.password },
    });
    expect(signedIn.status()).toBe(200);
    await page.goto(`${a.url}/w/${W}/m/${M}/activity`);
    await expect(live(page)).toBeVisible();

    const bruno = await fetch(`${b.url}/api/session`, {
      method: "POST",
      headers,
      body: JSON.stringify({ email: SEED.users.bruno.email, password: SEED.password }),
    });
    const cookie = bruno.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const started = await fetch(
      `${b.url}/api${`/workspaces/${W}/models/${M}/exports/${SEED.exports.revenueCsv}`}/tasks`,
      {
        method: "POST",
        headers: { ...headers, Cookie: cookie },
        body: "{}",
      },
    );
    expect(started.status).toBe(201);
    await expect(page.getByText(`Bruno Díaz started ${REVENUE}`)).toBeVisible(PUSHED);
    await expect(activityTable(page).getByRole("row").filter({ hasText: "Bruno Díaz" })).toBeVisible(PUSHED);
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
    await database.drop();
  }
});
