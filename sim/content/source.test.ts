import { describe, expect, it } from "vitest";
import { exportsOf, findExport } from "../seed/catalogue";
import { SEED } from "../seed/ids";
import { contentOf } from "./source";

const collect = (gen: Generator<Buffer>) => Buffer.concat([...gen]);

describe("generated content", () => {
  for (const id of [SEED.exports.revenueCsv, SEED.exports.opexTxt, SEED.exports.gridXls, SEED.exports.nonAscii]) {
    it(`random byte ranges of ${id} match the whole file`, () => {
      const def = findExport(SEED.models.fpa, id);
      if (!def) throw new Error("missing export");
      const source = contentOf(def);
      const whole = collect(source.read(0, source.size));
      expect(whole.length).toBe(source.size);
      for (let i = 0; i < 25; i++) {
        const a = Math.floor((((i * 7919) % 1000) / 1000) * source.size);
        const b = Math.min(source.size, a + 1 + ((i * 104729) % 20000));
        expect(Buffer.compare(collect(source.read(a, b)), whole.subarray(a, b))).toBe(0);
      }
    });
  }

  it("is deterministic", () => {
    const def = findExport(SEED.models.fpa, SEED.exports.revenueCsv);
    if (!def) throw new Error("missing export");
    const a = collect(contentOf({ ...def }).read(1000, 5000));
    const b = collect(contentOf(def).read(1000, 5000));
    expect(a.equals(b)).toBe(true);
  });

  it("the huge export is fixed-width and over 3 GiB", () => {
    const def = findExport(SEED.models.fpa, SEED.exports.huge);
    if (!def) throw new Error("missing export");
    const source = contentOf(def);
    expect(source.size).toBeGreaterThan(3 * 1024 ** 3);
    const tail = collect(source.read(source.size - 128 * 100, source.size)).toString("utf8");
    expect(
      tail
        .split("\n")
        .slice(0, -1)
        .every((l) => Buffer.byteLength(l) === 127),
    ).toBe(true);
  });

  it("has a realistic catalogue", () => {
    expect(exportsOf(SEED.models.fpa).length).toBeGreaterThanOrEqual(20);
    expect(exportsOf(SEED.models.bigCatalogue)).toHaveLength(5000);
    const kinds = new Set(exportsOf(SEED.models.fpa).map((e) => e.kind));
    expect([...kinds].sort()).toEqual(["csv", "txt", "xls"]);
  });
});
