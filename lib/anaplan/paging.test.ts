import { describe, expect, it } from "vitest";
import { readAllPages, type Page } from "./paging";

function server(total: number, cap: number, emptyAfter?: number) {
  const calls: Array<[number, number]> = [];
  const fetchPage = async (offset: number, limit: number): Promise<Page<number>> => {
    calls.push([offset, limit]);
    const size =
      emptyAfter !== undefined && offset >= emptyAfter ? 0 : Math.max(0, Math.min(limit, cap, total - offset));
    const items = Array.from({ length: size }, (_, i) => offset + i);
    return { items, paging: { totalSize: total, offset, currentPageSize: size } };
  };
  return { calls, fetchPage };
}

describe("readAllPages", () => {
  it("strides by what the server returned, not by the limit asked for", async () => {
    const { calls, fetchPage } = server(23, 10);
    const all = await readAllPages(fetchPage, "things", 5000);
    expect(all).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(calls).toEqual([
      [0, 5000],
      [10, 5000],
      [20, 5000],
    ]);
  });

  it("stops on an empty page even if totalSize says more remain", async () => {
    const { calls, fetchPage } = server(100, 10, 30);
    const all = await readAllPages(fetchPage, "things");
    expect(all).toHaveLength(30);
    expect(calls).toHaveLength(4);
  });

  it("reads one page when there is no paging block, and handles empty lists", async () => {
    expect(await readAllPages(async () => ({ items: [1, 2] }), "things")).toEqual([1, 2]);
    const { calls, fetchPage } = server(0, 10);
    expect(await readAllPages(fetchPage, "things")).toEqual([]);
    expect(calls).toHaveLength(1);
  });
});
