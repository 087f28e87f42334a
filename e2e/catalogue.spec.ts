import { expect, test } from "./support/fixtures";
import { SEED } from "../sim/seed/ids";

const big = `/w/${SEED.workspaces.finance}/m/${SEED.models.bigCatalogue}`;

test.describe("picker and catalogue", () => {
  test("pick a model, filter the catalogue by URL, reload, and the last model is remembered", async ({
    page,
    sim,
    signIn,
  }) => {
    void sim;
    await signIn(page);
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Choose a model", level: 1 })).toBeVisible();
    await expect(page.getByText("Archived", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: /FY2023 Budget/ })).toHaveCount(0);

    await page.getByLabel("Search models").fill("fp&a");
    await expect(page.getByRole("link", { name: /Finance Data Hub/ })).toHaveCount(0);
    await page.getByRole("link", { name: /FP&A Planning/ }).click();
    await expect(page.getByRole("heading", { name: "FP&A Planning", level: 1 })).toBeVisible();
    const table = page.getByRole("table", { name: /Exports of this model/ });
    await expect(table.getByRole("rowheader").first()).toBeVisible();

    await page.getByLabel("Search exports").fill("revenue");
    await expect(page).toHaveURL(/[?&]q=revenue/);
    await page.getByLabel("Format").selectOption({ label: "CSV" });
    await expect(page).toHaveURL(/format=text%2Fcsv/);
    const url = page.url();
    await page.goto(url);
    await expect(page.getByLabel("Search exports")).toHaveValue("revenue");
    await expect(page.getByLabel("Format")).toHaveValue("text/csv");
    await expect(table.getByRole("rowheader").first()).toBeVisible();
    const names = await table.getByRole("rowheader").allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n.toLowerCase()).toContain("revenue");
    // Metadata arrives lazily for the visible rows.
    await expect(table.getByRole("row").nth(1).getByRole("cell").nth(2)).toHaveText(/\d/);

    await page.goto("/");
    await expect(page.getByRole("link", { name: /Continue where you left off/ })).toContainText("FP&A Planning");
  });

  test("5,000 exports stay usable: one page of rows, filtering over the whole list", async ({ page, sim, signIn }) => {
    void sim;
    await signIn(page);
    await page.goto(big);
    await expect(page.getByText(/Showing 1–50 of 5,000 exports/)).toBeVisible();
    const rows = page.getByRole("table", { name: /Exports of this model/ }).getByRole("rowheader");
    await expect(rows).toHaveCount(50);
    await page.getByRole("navigation", { name: "Catalogue pages, top" }).getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText(/Showing 51–100 of 5,000/)).toBeVisible();
    await page.getByLabel("Search exports").fill("zzzz-no-such-export");
    await expect(page.getByText("No exports match these filters.")).toBeVisible();
  });

  test("an archived model is marked and its exports cannot be run", async ({ page, sim, signIn }) => {
    void sim;
    await signIn(page);
    await page.goto(`/w/${SEED.workspaces.finance}/m/${SEED.models.archived}`);
    await expect(page.getByText(/This model is archived in Anaplan/)).toBeVisible();
    await page
      .getByRole("table", { name: /Exports of this model/ })
      .getByRole("link")
      .first()
      .click();
    await expect(page.getByRole("button", { name: "Run export" })).toBeDisabled();
    await expect(page.getByText(/This model is archived in Anaplan/)).toBeVisible();
  });
});
