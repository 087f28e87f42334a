import { test as base, expect, type Page } from "@playwright/test";
import { SimControl } from "../../sim/control";
import { SEED } from "../../sim/seed/ids";
import { APP_URL, SIM_URL, TOKEN_SENTINEL } from "./env";

type SeedUser = keyof typeof SEED.users;

interface Fixtures {
  /** The simulator's control API, reset to its seed before each test. */
  sim: SimControl;
  /** Signs `page` in through the BFF's basic sign-in, as a browser would. */
  signIn: (page: Page, user?: SeedUser) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  sim: async ({}, provide) => {
    const sim = new SimControl(SIM_URL);
    await sim.reset();
    // Every token of the run carries a sentinel, so tests can prove none ever reaches a page or a log.
    await sim.configure({ tokenPrefix: TOKEN_SENTINEL });
    await provide(sim);
  },
  signIn: async ({}, provide) => {
    await provide(async (page, user = "ada") => {
      const response = await page.request.post("/api/session", {
        headers: { "X-Export-Desk-CSRF": "1", Origin: APP_URL, "Content-Type": "application/json" },
        data: { email: SEED.users[user].email, password: SEED.password },
      });
      expect(response.status(), "sign-in through the BFF").toBe(200);
    });
  },
});

export { expect };
