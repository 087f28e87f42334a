/**
 * Retakes the README's screenshots against a running demo (`npm run demo` in another terminal):
 * `npx tsx scripts/readme-screenshots.ts [appUrl] [simUrl]`.
 */
import path from "node:path";
import { chromium } from "@playwright/test";
import { SimControl } from "../sim/control";
import { SEED } from "../sim/seed/ids";

const appUrl = process.argv[2] ?? "http://localhost:3000";
const simUrl = process.argv[3] ?? "http://127.0.0.1:4010";
const out = path.resolve(__dirname, "..", "docs", "screenshots");

async function main(): Promise<void> {
  const sim = new SimControl(simUrl);
  await sim.reset();
  await sim.configure({ taskDurationMs: 40_000 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: "en-GB" });
  await page.goto(`${appUrl}/login`);
  await page.getByLabel("Email").fill(SEED.users.ada.email);
  await page.getByLabel("Password").fill(SEED.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));

  const model = `${appUrl}/w/${SEED.workspaces.finance}/m/${SEED.models.fpa}`;
  for (const exportId of [
    SEED.exports.failing,
    SEED.exports.opexTxt,
    SEED.exports.revenueCsv,
    SEED.exports.revenueCsv,
  ]) {
    await page.goto(`${model}/exports/${exportId}`);
    await page.getByRole("button", { name: /run export/i }).click();
    await page.waitForTimeout(exportId === SEED.exports.failing ? 45_000 : 1_000);
  }
  await page.waitForTimeout(6_000);
  await page.screenshot({ path: path.join(out, "export-live-tasks.png") });
  await page.goto(`${model}/activity`);
  await page.waitForTimeout(3_000);
  await page.screenshot({ path: path.join(out, "model-activity.png") });
  await page.goto(model);
  await page.waitForTimeout(3_000);
  await page.screenshot({ path: path.join(out, "catalogue.png") });
  await page.goto(`${model}/runs`);
  await page.waitForTimeout(3_000);
  await page.screenshot({ path: path.join(out, "runs.png") });
  // The export the demo users ran most (npm run demo gives it a history), scrolled to its chart.
  await page.goto(`${model}/exports/${SEED.exports.revenueCsv}`);
  await page.getByRole("heading", { name: "Recent runs" }).evaluate((h) => h.scrollIntoView({ block: "start" }));
  await page.waitForTimeout(2_000);
  await page.screenshot({ path: path.join(out, "export-history.png") });
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
