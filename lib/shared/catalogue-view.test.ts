import { describe, expect, it } from "vitest";
import {
  applyCatalogueView,
  ariaSortOf,
  catalogueQuery,
  nextSort,
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

describe("sorting by column", () => {
  const ran = new Map([
    ["116000000003", 3_000],
    ["116000000002", 1_000],
  ]);
  const ids = (sort: Parameters<typeof nextSort>[0]) =>
    applyCatalogueView(list, { ...parseCatalogueView({}), sort }, ran).map((e) => e.id);

  it("Latest run puts the most recent run first and exports never run last, either way round", () => {
    expect(ids("latest")).toEqual(["116000000003", "116000000002", "116000000001"]);
    expect(ids("-latest")).toEqual(["116000000002", "116000000003", "116000000001"]);
    expect(parseCatalogueView({ sort: "-latest" }).sort).toBe("-latest");
  });

  it("every column turns around, ties broken by name", () => {
    expect(ids("format")).toEqual(["116000000001", "116000000003", "116000000002"]);
    expect(ids("-format")).toEqual(["116000000002", "116000000003", "116000000001"]);
    expect(ids("-id")).toEqual(["116000000003", "116000000002", "116000000001"]);
    expect(ids("-type")).toEqual(["116000000002", "116000000001", "116000000003"]);
  });

  it("a header click turns its column around, another column starts in its natural order", () => {
    expect(nextSort("name", "name")).toBe("-name");
    expect(nextSort("-name", "name")).toBe("name");
    expect(nextSort("-name", "latest")).toBe("latest");
    expect(nextSort("latest", "latest")).toBe("-latest");
  });

  it("aria-sort says the order the person sees: newest first is descending by time", () => {
    expect(ariaSortOf("name", "name")).toBe("ascending");
    expect(ariaSortOf("-name", "name")).toBe("descending");
    expect(ariaSortOf("latest", "latest")).toBe("descending");
    expect(ariaSortOf("-latest", "latest")).toBe("ascending");
    expect(ariaSortOf("latest", "name")).toBe("none");
  });
});
