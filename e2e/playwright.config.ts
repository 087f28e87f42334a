import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { SEED } from "../sim/seed/ids";
import { APP_LOG, APP_PORT, APP_URL, E2E_SESSION_SECRET, LB2_PORT, SIM_PORT, SIM_URL } from "./support/env";

const root = path.join(__dirname, "..");
/** The ledger's embedded database: a fresh folder per run (the server command empties it), so runs never share rows. */
const DATA_DIR = path.join(root, "test-results", "e2e-data");
/** Reads the server log of the whole run, so it runs after every other spec (a project dependency). */
const LOG_HYGIENE = "log-hygiene.spec.ts";

const chromium = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1280, height: 800 },
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ? [["list"], ["json"]] : [["list"]],
  outputDir: "../test-results/playwright",
  use: { baseURL: APP_URL, trace: "retain-on-failure", locale: "en-US", timezoneId: "Europe/London" },
  projects: [
    { name: "chromium", testIgnore: LOG_HYGIENE, use: chromium },
    { name: "log-hygiene", testMatch: LOG_HYGIENE, dependencies: ["chromium"], use: chromium },
  ],
  webServer: [
    {
      command: "./node_modules/.bin/tsx sim/main.ts",
      cwd: root,
      url: `${SIM_URL}/__sim/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        SIM_PORT: String(SIM_PORT),
        SIM_HOST: "127.0.0.1",
        SIM_OAUTH_REDIRECT_URIS: `${APP_URL}/api/auth/oauth/callback,http://127.0.0.1:${LB2_PORT}/api/auth/oauth/callback`,
      },
    },
    {
      // The standalone server a container runs; needs a prior `npm run build` (npm test does it).
      command: `rm -rf "${DATA_DIR}" && mkdir -p test-results && exec node .next/standalone/start.mjs > ${APP_LOG} 2>&1`,
      cwd: root,
      url: `${APP_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(APP_PORT),
        HOSTNAME: "127.0.0.1",
        ANAPLAN_API_URL: `${SIM_URL}/2/0`,
        ANAPLAN_AUTH_URL: SIM_URL,
        ANAPLAN_OAUTH_URL: SIM_URL,
        ANAPLAN_OAUTH_CLIENT_ID: SEED.oauthClient.clientId,
        ANAPLAN_OAUTH_CLIENT_SECRET: SEED.oauthClient.clientSecret,
        SESSION_SECRET: E2E_SESSION_SECRET,
        APP_ORIGIN: APP_URL,
        DATA_DIR,
      },
    },
  ],
});
