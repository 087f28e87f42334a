import { describe, expect, it } from "vitest";
import { guessSeparator, parseDelimited } from "./delimited";
import { decodePrefix, readPrefix } from "./read-prefix";

describe("parseDelimited", () => {
  it("parses quoted CSV with doubled quotes, separators and newlines inside quotes", () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\n2,"multi\nline",\n';
    expect(parseDelimited(text).rows).toEqual([
      ["a", "b", "c"],
      ["1", "x, y", 'say "hi"'],
      ["2", "multi\nline", ""],
    ]);
  });
  it("guesses tabs and semicolons", () => {
    expect(guessSeparator("a\tb\tc\n1,2\t3")).toBe("\t");
    expect(guessSeparator("a;b;c")).toBe(";");
    expect(parseDelimited("a\tb\n1\t2").rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
  it("drops a cut last line when the text is only a prefix", () => {
    const r = parseDelimited("a,b\n1,2\n3,4", { complete: false });
    expect(r.rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(r.truncated).toBe(true);
    expect(parseDelimited('a,b\n1,"unterminated', { complete: false }).rows).toEqual([["a", "b"]]);
  });
  it("stops at maxRows and strips a BOM", () => {
    const r = parseDelimited("\ufeffh\n1\n2\n3\n", { maxRows: 2 });
    expect(r.rows).toEqual([["h"], ["1"]]);
    expect(r.truncated).toBe(true);
    expect(parseDelimited("h\n1\n").truncated).toBe(false);
  });
});

function streamOf(parts: Uint8Array[]) {
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = parts.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, wasCancelled: () => cancelled };
}

describe("readPrefix", () => {
  it("reads only up to the limit and cancels the rest", async () => {
    const { stream, wasCancelled } = streamOf([new Uint8Array(40), new Uint8Array(40), new Uint8Array(40)]);
    const p = await readPrefix(stream, 50);
    expect(p.bytes.byteLength).toBe(50);
    expect(p.complete).toBe(false);
    expect(wasCancelled()).toBe(true);
  });
  it("reports a complete short body", async () => {
    const { stream } = streamOf([new TextEncoder().encode("a,b\n")]);
    const p = await readPrefix(stream, 1000);
    expect(p.complete).toBe(true);
    expect(decodePrefix(p)).toBe("a,b\n");
  });
  it("drops a multi-byte character cut at the limit", async () => {
    const bytes = new TextEncoder().encode("Zürich");
    const { stream } = streamOf([bytes]);
    const p = await readPrefix(stream, 2);
    expect(decodePrefix(p)).toBe("Z");
  });
});
