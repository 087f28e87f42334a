import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED } from "../seed/ids";
import { api, exportPath, FPA, login, startTestSim, type TestSim } from "./helpers";

let t: TestSim;
let ada: ReturnType<typeof api>;
let bruno: ReturnType<typeof api>;
let adaToken: string;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());
beforeEach(async () => {
  await t.ctl.reset();
  await t.ctl.configure({ taskDurationMs: 1_000, chunkSizeBytes: 16 * 1024 });
  adaToken = await login(t.url, "ada");
  ada = api(t.url, adaToken);
  bruno = api(t.url, await login(t.url, "bruno"));
});

const E = SEED.exports;
const HOUR = 60 * 60 * 1000;

async function run(who: ReturnType<typeof api>, exportId: string): Promise<void> {
  const r = await who.post(`${exportPath(exportId)}/tasks`);
  expect(r.status).toBe(200);
  await t.ctl.advanceClock(1_500);
}

async function download(who: ReturnType<typeof api>, exportId: string): Promise<Buffer> {
  const list = await who.get(`${FPA}/files/${exportId}/chunks`);
  const parts: Buffer[] = [];
  for (const c of list.json.chunks as { id: string }[]) {
    const r = await who.bytes(`${FPA}/files/${exportId}/chunks/${c.id}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/octet-stream");
    parts.push(r.body);
  }
  return Buffer.concat(parts);
}

/** Minimal RFC 4180 parser for checking the generated CSV. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  return rows;
}

describe("files and chunks", () => {
  it("has no content before a run: 404 whole file, no chunks key, chunkCount 0", async () => {
    expect((await ada.get(`${FPA}/files/${E.revenueCsv}`)).status).toBe(404);
    const chunks = await ada.get(`${FPA}/files/${E.revenueCsv}/chunks`);
    expect(chunks.status).toBe(200);
    expect(chunks.json.chunks).toBeUndefined();
    const files = await ada.get(`/models/${SEED.models.fpa}/files`);
    expect(files.json.files.find((f: { id: string }) => f.id === E.revenueCsv)).toEqual({
      id: E.revenueCsv,
      name: "Revenue by Region - Data.csv",
      chunkCount: 0,
      firstDataRow: 0,
      headerRow: 0,
    });
    expect((await ada.get(`${FPA}/files/116999999999/chunks`)).status).toBe(404);
  });

  it("writes the file on success; chunks concatenate to the whole file; both path forms", async () => {
    await run(ada, E.revenueCsv);
    const files = await ada.get(`${FPA}/files`);
    const entry = files.json.files.find((f: { id: string }) => f.id === E.revenueCsv);
    expect(entry.chunkCount).toBeGreaterThan(3);
    const list = await ada.get(`${FPA}/files/${E.revenueCsv}/chunks`);
    expect(list.json.chunks[0]).toEqual({ id: "0", name: "Chunk 0" });
    expect(list.json.chunks).toHaveLength(entry.chunkCount);
    const joined = await download(ada, E.revenueCsv);
    const whole = await ada.bytes(`${FPA}/files/${E.revenueCsv}`);
    expect(whole.headers.get("content-type")).toBe("application/octet-stream");
    expect(Buffer.compare(joined, whole.body)).toBe(0);
    const other = await ada.bytes(`/models/${SEED.models.fpa}/files/${E.revenueCsv}`);
    expect(Buffer.compare(other.body, whole.body)).toBe(0);
    expect((await ada.get(`${FPA}/files/${E.revenueCsv}/chunks/${entry.chunkCount}`)).status).toBe(404);
    expect((await ada.get(`${FPA}/files/${E.revenueCsv}/chunks/x`)).status).toBe(404);
  });

  it("generates real CSV matching the metadata", async () => {
    await run(ada, E.revenueCsv);
    const meta = (await ada.get(exportPath(E.revenueCsv))).json.exportMetadata;
    const rows = parseCsv((await ada.bytes(`${FPA}/files/${E.revenueCsv}`)).body.toString("utf8"));
    expect(rows[0]).toEqual(meta.headerNames);
    expect(rows.length - 1).toBe(meta.rowCount);
    expect(rows.every((r) => r.length === meta.columnCount)).toBe(true);
    expect(rows.some((r) => r.some((f) => f.includes(",")))).toBe(true);
    expect(rows.slice(1).every((r) => !Number.isNaN(Number(r[3])))).toBe(true);
  });

  it("generates UTF-8 text with non-ASCII names, and tab-separated text", async () => {
    await run(ada, E.nonAscii);
    const text = (await ada.bytes(`${FPA}/files/${E.nonAscii}`)).body.toString("utf8");
    expect(text.startsWith("Mitarbeiter,Standort,Abteilung,Monat,Gehalt (€),Bemerkung\n")).toBe(true);
    expect(text).toMatch(/Zoë Ångström|München|São Paulo/);
    await run(ada, E.opexTxt);
    const lines = (await ada.bytes(`${FPA}/files/${E.opexTxt}`)).body.toString("utf8").trimEnd().split("\n");
    expect(lines[0]).toBe("Cost Center\tAccount\tMonth\tLine Item\tValue");
    expect(lines.every((l) => l.split("\t").length === 5)).toBe(true);
    expect(lines).toHaveLength(5_201);
  });

  it("generates an XML spreadsheet for .xls exports", async () => {
    await run(ada, E.gridXls);
    const xml = (await ada.bytes(`${FPA}/files/${E.gridXls}`)).body.toString("utf8");
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"');
    expect(xml.match(/<Row>/g)).toHaveLength(49);
    expect(xml.trimEnd().endsWith("</Workbook>")).toBe(true);
  });

  it("keeps content private to the user who ran the export", async () => {
    await run(ada, E.revenueCsv);
    expect((await bruno.get(`${FPA}/files/${E.revenueCsv}`)).status).toBe(404);
    expect((await bruno.get(`${FPA}/files/${E.revenueCsv}/chunks`)).json.chunks).toBeUndefined();
    expect((await bruno.get(`${FPA}/files/${E.revenueCsv}/chunks/0`)).status).toBe(404);
    const files = await bruno.get(`${FPA}/files`);
    expect(files.json.files.find((f: { id: string }) => f.id === E.revenueCsv).chunkCount).toBe(0);
    expect((await bruno.get(`${exportPath(E.revenueCsv)}/tasks`)).json.tasks).toHaveLength(1);
    await run(bruno, E.revenueCsv);
    expect((await bruno.get(`${FPA}/files/${E.revenueCsv}`)).status).toBe(200);
  });

  it("removes the file 48 hours after the last access", async () => {
    await run(ada, E.revenueCsv);
    await t.ctl.configure({ tokenLifetimeSeconds: 1_000_000 });
    ada = api(t.url, await login(t.url, "ada"));
    await t.ctl.advanceClock(47 * HOUR);
    expect((await ada.get(`${FPA}/files/${E.revenueCsv}/chunks`)).json.chunks.length).toBeGreaterThan(0);
    await t.ctl.advanceClock(47 * HOUR);
    expect((await ada.bytes(`${FPA}/files/${E.revenueCsv}/chunks/0`)).status).toBe(200);
    await t.ctl.advanceClock(48 * HOUR + 1_000);
    expect((await ada.get(`${FPA}/files/${E.revenueCsv}`)).status).toBe(404);
    expect((await ada.get(`${FPA}/files/${E.revenueCsv}/chunks`)).json.chunks).toBeUndefined();
    await run(ada, E.revenueCsv);
    expect((await ada.get(`${FPA}/files/${E.revenueCsv}`)).status).toBe(200);
  });

  it("replaces the file with the user's next run", async () => {
    await run(ada, E.revenueCsv);
    await t.ctl.configure({ tokenLifetimeSeconds: 500_000 });
    ada = api(t.url, await login(t.url, "ada"));
    await t.ctl.advanceClock(40 * HOUR);
    await run(ada, E.revenueCsv);
    await t.ctl.advanceClock(40 * HOUR);
    // 80 h after the first write but only 40 h after the replacement: still there.
    expect((await ada.get(`${FPA}/files/${E.revenueCsv}`)).status).toBe(200);
  });
});

describe("the huge export", () => {
  it("lists thousands of chunks and streams any one of them quickly without materialising the file", async () => {
    await t.ctl.configure({ chunkSizeBytes: 1024 * 1024 });
    await run(ada, E.huge);
    const meta = (await ada.get(exportPath(E.huge))).json.exportMetadata;
    const list = await ada.get(`${FPA}/files/${E.huge}/chunks`);
    const count = list.json.meta.paging.totalSize as number;
    expect(count).toBeGreaterThanOrEqual(3 * 1024);
    expect(list.json.chunks).toHaveLength(count);
    const before = process.memoryUsage();
    const started = Date.now();
    const penultimate = await ada.bytes(`${FPA}/files/${E.huge}/chunks/${count - 2}`);
    const last = await ada.bytes(`${FPA}/files/${E.huge}/chunks/${count - 1}`);
    const middle = await ada.bytes(`${FPA}/files/${E.huge}/chunks/${Math.floor(count / 2)}`);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(middle.body.length).toBe(1024 * 1024);
    expect(last.body.length).toBeGreaterThan(0);
    expect(last.body.toString("utf8").endsWith("\n")).toBe(true);
    const lines = Buffer.concat([penultimate.body, last.body]).toString("utf8").split("\n").slice(1, -1);
    expect(lines.length).toBeGreaterThan(8000);
    expect(lines.every((l) => Buffer.byteLength(l) === 127)).toBe(true);
    expect(lines.at(-1)).toMatch(new RegExp(`^TX-${String(meta.rowCount).padStart(10, "0")},`));
    const grown = process.memoryUsage().rss - before.rss;
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  });

  it("streams one big chunk with backpressure and bounded memory", async () => {
    await t.ctl.configure({ chunkSizeBytes: 32 * 1024 * 1024 });
    await run(ada, E.huge);
    const res = await fetch(`${t.url}/2/0${FPA}/files/${E.huge}/chunks/20`, {
      headers: { Authorization: `AnaplanAuthToken ${adaToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(32 * 1024 * 1024));
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const base = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    let peak = 0;
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.length;
      if (received % (4 * 1024 * 1024) < value.length) {
        // Read slowly for a moment so the server has to wait for drain.
        await new Promise((r) => setTimeout(r, 5));
        const m = process.memoryUsage();
        peak = Math.max(peak, m.heapUsed + m.arrayBuffers - base);
      }
    }
    expect(received).toBe(32 * 1024 * 1024);
    expect(peak).toBeLessThan(160 * 1024 * 1024);
  });

  it("streams the whole multi-GB file on demand and stops when the client goes away", async () => {
    await run(ada, E.huge);
    const controller = new AbortController();
    const res = await fetch(`${t.url}/2/0${FPA}/files/${E.huge}`, {
      headers: { Authorization: `AnaplanAuthToken ${adaToken}` },
      signal: controller.signal,
    });
    expect(Number(res.headers.get("content-length"))).toBeGreaterThan(3 * 1024 ** 3);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let received = 0;
    while (received < 4 * 1024 * 1024) {
      const { value } = await reader.read();
      received += value?.length ?? 0;
    }
    controller.abort();
    await reader.cancel().catch(() => undefined);
    expect((await t.ctl.health()).ok).toBe(true);
  });
});
