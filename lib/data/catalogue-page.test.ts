import { describe, expect, it } from "vitest";
import { parseCatalogueView, PAGE_SIZE } from "@/lib/shared/catalogue-view";
import type { ExportDefinition } from "@/lib/shared/types";
import { catalogueFirstPage } from "./catalogue-page";

const many: ExportDefinition[] = Array.from({ length: 120 }, (_, i) => ({
  id: String(116000000000 + i),
  name: `Export ${i}`,
  exportFormat: i % 2 ? "text/csv" : "text/plain",
  exportType: "TABULAR_MULTI_COLUMN",
}));

describe("the catalogue's first page on the server", () => {
  it("is one page of the URL's view, with the counts and filter menus of the whole list", () => {
    const first = catalogueFirstPage(many, parseCatalogueView({ format: "text/csv", page: "2" }), new Map());
    expect(first).toMatchObject({ query: "?format=text%2Fcsv&page=2", page: 2, matching: 60, total: 120 });
    expect(first.rows).toHaveLength(10);
    expect(first.rows.every((e) => e.exportFormat === "text/csv")).toBe(true);
    expect(first.formats).toEqual(["text/csv", "text/plain"]);
  });

  it("clamps a page past the end, and an empty result is page 1", () => {
    expect(catalogueFirstPage(many, parseCatalogueView({ page: "99" }), new Map()).page).toBe(3);
    const none = catalogueFirstPage(many, parseCatalogueView({ q: "nothing like it" }), new Map());
    expect(none).toMatchObject({ page: 1, matching: 0, rows: [] });
  });

  it("sorts a list once per order, but Latest run with the run times of each view", () => {
    const byName = catalogueFirstPage(many, parseCatalogueView({ sort: "-name" }), new Map());
    expect(catalogueFirstPage(many, parseCatalogueView({ sort: "-name", page: "2" }), new Map()).formats).toBe(
      byName.formats,
    );
    expect(byName.rows[0]?.name).toBe("Export 119");
    const one = catalogueFirstPage(many, parseCatalogueView({ sort: "latest" }), new Map([["116000000042", 1]]));
    const other = catalogueFirstPage(many, parseCatalogueView({ sort: "latest" }), new Map([["116000000007", 1]]));
    expect([one.rows[0]?.id, other.rows[0]?.id]).toEqual(["116000000042", "116000000007"]);
    expect(one.rows).toHaveLength(PAGE_SIZE);
  });
});
