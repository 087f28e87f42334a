import { readFileSync } from "node:fs";
import path from "node:path";
import { SEED } from "../sim/seed/ids";
import { APP_LOG, E2E_SESSION_SECRET, TOKEN_SENTINEL } from "./support/env";
import { expect, test } from "./support/fixtures";

// Its own project, which depends on the main one (e2e/playwright.config.ts): by now every other spec has gone
// through the server.
test("the server log of the whole run holds no token, password, cookie or session secret", async () => {
  const log = readFileSync(path.join(__dirname, "..", APP_LOG), "utf8");
  expect(log.length, "the app wrote its request log").toBeGreaterThan(0);
  expect(log).toContain('"route":');
  for (const secret of [TOKEN_SENTINEL, SEED.password, E2E_SESSION_SECRET, "Fe26."]) {
    expect(log.includes(secret), `log contains ${secret.slice(0, 6)}…`).toBe(false);
  }
});

test("no page, script or API response a signed-in user receives contains the token", async ({ page, sim, signIn }) => {
  void sim;
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    // The model's event stream stays open for minutes, so its body never ends; what it sends is checked in
    // test/bff/events.test.ts.
    if (response.headers()["content-type"]?.startsWith("text/event-stream")) return;
    bodies.push(response.text().catch(() => ""));
  });
  await signIn(page);
  const model = `/w/${SEED.workspaces.finance}/m/${SEED.models.fpa}`;
  for (const path of ["/", model, `${model}/exports/${SEED.exports.revenueCsv}`, `${model}/activity`]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  const texts = await Promise.all(bodies);
  expect(texts.length).toBeGreaterThan(4);
  expect(texts.filter((text) => text.includes(TOKEN_SENTINEL))).toEqual([]);
  const storage = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
  );
  expect(storage).not.toContain(TOKEN_SENTINEL);
});
