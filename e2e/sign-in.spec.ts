import { expect, test } from "./support/fixtures";
import { SEED } from "../sim/seed/ids";

const fpa = `/w/${SEED.workspaces.finance}/m/${SEED.models.fpa}`;

test.describe("sign in", () => {
  test("with email and password, back to the page the user came from", async ({ page, sim }) => {
    void sim;
    await page.goto(fpa);
    await expect(page).toHaveURL(/\/login\?returnTo=/);
    await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();

    await page.getByLabel("Email").fill(SEED.users.ada.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "did not accept that email and password" })).toBeVisible();
    // The password field has the focus and names the error; the form keeps its place.
    await expect(page.getByLabel("Password")).toBeFocused();
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/did not accept that email and password/);

    await page.getByLabel("Password").fill(SEED.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${fpa}$`));
    await expect(page.getByRole("heading", { name: "FP&A Planning", level: 1 })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("Ada Lovelace");
  });

  test("with Anaplan SSO (OAuth), and a cancelled SSO sign-in is explained", async ({ page, sim }) => {
    void sim;
    await page.goto("/login");
    await page.getByRole("link", { name: "Sign in with Anaplan SSO" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page).toHaveURL(/\/login\?error=access_denied/);
    await expect(page.getByRole("alert").filter({ hasText: "Sign-in with Anaplan was cancelled" })).toBeVisible();

    await page.getByRole("link", { name: "Sign in with Anaplan SSO" }).click();
    await page.getByLabel("Email address").fill(SEED.users.bruno.email);
    await page.getByLabel("Password").fill(SEED.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Choose a model", level: 1 })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("Bruno");
  });

  test("says so when Anaplan cannot be reached", async ({ page, sim }) => {
    await sim.injectFault({ path: "^/token/authenticate", method: "POST", status: 503, times: 20 });
    await page.goto("/login");
    await page.getByLabel("Email").fill(SEED.users.ada.email);
    await page.getByLabel("Password").fill(SEED.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: /cannot be reached|did not answer|had a problem/ }),
    ).toBeVisible();
    await sim.clearFaults();
  });

  test("sign out ends the session", async ({ page, sim, signIn }) => {
    void sim;
    await signIn(page);
    await page.goto("/");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login\?reason=signed-out/);
    await expect(page.getByText("You have signed out.")).toBeVisible();
    await page.goto(fpa);
    await expect(page).toHaveURL(/\/login\?returnTo=/);
  });
});
