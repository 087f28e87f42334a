import path from "node:path";
import { expect, test } from "./support/fixtures";
import { SEED } from "../sim/seed/ids";

const big = `/w/${SEED.workspaces.finance}/m/${SEED.models.bigCatalogue}`;
const fpa = `/w/${SEED.workspaces.finance}/m/${SEED.models.fpa}`;
const bigList = `/api/workspaces/${SEED.workspaces.finance}/models/${SEED.models.bigCatalogue}/exports`;
const shots = path.join(__dirname, "..", "test-results", "screenshots");

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

  test("5,000 exports: the server sends one page, the whole list comes once, compressed and validated by ETag", async ({
    page,
    sim,
    signIn,
  }) => {
    void sim;
    await signIn(page);
    const html = await page.request.get(big);
    expect(html.status()).toBe(200);
    // One page of rows, not the whole list: the full list as JSON is ~0.9 MB.
    expect((await html.body()).byteLength).toBeLessThan(250_000);

    const listed = await page.request.get(bigList, { headers: { "Accept-Encoding": "gzip" } });
    expect(listed.status()).toBe(200);
    expect(listed.headers()["content-encoding"]).toBe("gzip");
    expect(listed.headers()["cache-control"]).toBe("private, no-cache");
    const etag = listed.headers()["etag"]!;
    expect(((await listed.json()) as { exports: unknown[] }).exports).toHaveLength(5000);
    const again = await page.request.get(bigList, { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
  });

  test("paging adds history entries: Back returns to the previous page of results", async ({ page, sim, signIn }) => {
    void sim;
    await signIn(page);
    await page.goto(big);
    const top = page.getByRole("navigation", { name: "Catalogue pages, top" });
    await expect(page.getByText(/Showing 1–50 of 5,000 exports/)).toBeVisible();
    await top.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText(/Showing 51–100 of 5,000/)).toBeVisible();
    await top.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=3/);
    await expect(page.getByText(/Showing 101–150 of 5,000/)).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText(/Showing 51–100 of 5,000/)).toBeVisible();
    await page.goBack();
    await expect(page).not.toHaveURL(/page=/);
    await expect(page.getByText(/Showing 1–50 of 5,000/)).toBeVisible();
    await page.goForward();
    await expect(page.getByText(/Showing 51–100 of 5,000/)).toBeVisible();

    // Into an export and Back: the catalogue comes back on the page it was on.
    await page
      .getByRole("table", { name: /Exports of this model/ })
      .getByRole("rowheader")
      .first()
      .getByRole("link")
      .click();
    await expect(page).toHaveURL(/\/exports\/\d{12}$/);
    await page.goBack();
    await expect(page.getByText(/Showing 51–100 of 5,000/)).toBeVisible();
  });

  test("typing filters at once and Clear follows the box; the URL follows once typing pauses", async ({
    page,
    sim,
    signIn,
  }) => {
    void sim;
    await signIn(page);
    await page.goto(big);
    const search = page.getByLabel("Search exports");
    const rows = page.getByRole("table", { name: /Exports of this model/ }).getByRole("rowheader");
    await expect(rows).toHaveCount(50);
    await search.pressSequentially("fx");
    await expect(page.getByRole("button", { name: "Clear" })).toBeVisible();
    await expect(page.getByText(/\(filtered from 5,000\)/)).toBeVisible();
    for (const name of await rows.allInnerTexts()) expect(name.toLowerCase()).toContain("fx");
    await expect(page).toHaveURL(/q=fx/);
    for (let i = 0; i < 2; i++) await search.press("Backspace");
    await expect(page.getByText(/Showing 1–50 of 5,000 exports$/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Clear" })).toHaveCount(0);
    await expect(page).not.toHaveURL(/q=/);
  });

  test("column headers sort, by pointer and keyboard, and say so with aria-sort", async ({ page, sim, signIn }) => {
    void sim;
    await signIn(page);
    await page.goto(fpa);
    const table = page.getByRole("table", { name: /Exports of this model/ });
    const exportHeader = table.getByRole("columnheader", { name: /Export/ });
    await expect(exportHeader).toHaveAttribute("aria-sort", "ascending");
    const names = await table.getByRole("rowheader").getByRole("link").allInnerTexts();
    await exportHeader.getByRole("button").click();
    await expect(exportHeader).toHaveAttribute("aria-sort", "descending");
    await expect(page).toHaveURL(/sort=-name/);
    await expect(table.getByRole("rowheader").getByRole("link").first()).toHaveText(names[names.length - 1]!);

    const formatHeader = table.getByRole("columnheader", { name: /Format/ });
    await formatHeader.getByRole("button").focus();
    await page.keyboard.press("Enter");
    await expect(formatHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(exportHeader).toHaveAttribute("aria-sort", "none");
    await expect(page.getByLabel("Sort by")).toHaveValue("format");
  });

  test("Run from a row in the chosen locale: a toast links to the task, and Latest run sorts it first", async ({
    page,
    sim,
    signIn,
  }) => {
    await sim.configure({ taskDurationMs: 60_000 });
    await signIn(page);
    await page.goto(fpa);
    const table = page.getByRole("table", { name: /Exports of this model/ });
    await expect(table.getByRole("rowheader").first()).toBeVisible();
    await page.getByLabel("Run in locale").selectOption({ label: "Deutsch (Deutschland)" });
    const grid = table.getByRole("row").filter({ has: page.getByRole("link", { name: "Revenue - Grid.xls" }) });
    const posted = page.waitForRequest((r) => r.method() === "POST" && r.url().includes("/tasks"));
    await grid.getByRole("button", { name: /^Run / }).click();
    expect((await posted).postDataJSON()).toEqual({ localeName: "de_DE" });
    const toast = page.getByRole("status").filter({ hasText: "Revenue - Grid.xls: started" });
    await expect(toast).toContainText("Deutsch (Deutschland)");
    const link = toast.getByRole("link", { name: "Watch this run" });
    await expect(link).toHaveAttribute("href", new RegExp(`/exports/${SEED.exports.gridXls}/tasks/`));
    await expect(grid.getByText(/Not started|In progress/)).toBeVisible();
    await page.screenshot({ path: path.join(shots, "catalogue-run-from-row.png") });

    const latestHeader = table.getByRole("columnheader", { name: /Latest run/ });
    await latestHeader.getByRole("button").click();
    await expect(latestHeader).toHaveAttribute("aria-sort", "descending");
    await expect(page).toHaveURL(/sort=latest/);
    await expect(table.getByRole("rowheader").first()).toContainText("Revenue - Grid.xls");
    // A link with the sort opens on the server in the same order.
    await page.reload();
    await expect(table.getByRole("rowheader").first()).toContainText("Revenue - Grid.xls");
  });
});
