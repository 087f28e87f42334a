import { describe, expect, it } from "vitest";
import {
  applyCatalogueView,
  catalogueQuery,
  pageCount,
  pageSlice,
  parseCatalogueView,
  PAGE_SIZE,
} from "./catalogue-view";
import type { ExportDefinition } from "./types";

const list: ExportDefinition[] = [
  { id: "116000000002", name: "Opex - Data.txt", exportFormat: "text/plain", exportType: "TABULAR_SINGLE_COLUMN" },
  { id: "116000000001", name: "Revenue - Data.csv", exportFormat: "text/csv", exportType: "TABULAR_MULTI_COLUMN" },
  {
    id: "116000000003",
    name: "Revenue - Grid.xls",
    exportFormat: "application/vnd.ms-excel",
    exportType: "GRID_CURRENT_PAGE",
  },
];

describe("catalogue view", () => {
  it("round-trips through the URL and ignores junk", () => {
    const view = parseCatalogueView(new URLSearchParams("q=rev&format=text%2Fcsv&sort=-name&page=2"));
    expect(view).toEqual({ q: "rev", format: "text/csv", type: "", sort: "-name", page: 2 });
    expect(catalogueQuery(view)).toBe("?q=rev&format=text%2Fcsv&sort=-name&page=2");
    expect(parseCatalogueView({ sort: "drop table", page: "-3" })).toMatchObject({ sort: "name", page: 1 });
    expect(catalogueQuery(parseCatalogueView({}))).toBe("");
  });
  it("filters by words, format and type, and sorts", () => {
    const v = parseCatalogueView({ q: "revenue" });
    expect(applyCatalogueView(list, v).map((e) => e.id)).toEqual(["116000000001", "116000000003"]);
    expect(applyCatalogueView(list, { ...v, format: "text/csv" }).map((e) => e.id)).toEqual(["116000000001"]);
    expect(applyCatalogueView(list, { ...v, q: "", type: "GRID_CURRENT_PAGE" }).map((e) => e.id)).toEqual([
      "116000000003",
    ]);
    expect(applyCatalogueView(list, { ...v, q: "", sort: "-name" })[0]?.name).toBe("Revenue - Grid.xls");
    expect(applyCatalogueView(list, { ...v, q: "116000000002" })).toHaveLength(1);
  });
  it("pages 5,000 exports quickly", () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      id: String(116000000000 + i),
      name: `Export ${i}`,
      exportFormat: "text/csv",
    }));
    const t0 = performance.now();
    const out = applyCatalogueView(many, parseCatalogueView({ q: "export 1" }));
    expect(performance.now() - t0).toBeLessThan(200);
    expect(pageCount(out.length)).toBe(Math.ceil(out.length / PAGE_SIZE));
    expect(pageSlice(out, 999)).toHaveLength(out.length % PAGE_SIZE || PAGE_SIZE);
  });
});
