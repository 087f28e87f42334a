import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAnaplanApi, type AnaplanApi } from "./api";
import { OPEN_AHEAD_AFTER_BYTES } from "./download";
import { AnaplanError } from "./errors";
import { eventually, SEED, startSim, type SimHandle } from "./testing/sim";

let h: SimHandle;
let token: string;
let api: AnaplanApi;
const W = SEED.workspaces.finance;
const M = SEED.models.fpa;
const E = SEED.exports;
const CHUNK = 4096;

beforeAll(async () => {
  h = await startSim();
});
afterAll(async () => {
  await h.sim.close();
});
beforeEach(async () => {
  await h.reset({ taskDurationMs: 100, chunkSizeBytes: CHUNK });
  token = await h.token();
  api = createAnaplanApi({ token, urls: h.urls, retry: { baseDelayMs: 10 } });
});

async function run(exportId: string, a: AnaplanApi = api): Promise<void> {
  const started = await a.startExportTask(W, M, exportId);
  const done = await eventually(
    () => a.exportTask(W, M, exportId, started.taskId),
    (t) => t.taskState === "COMPLETE",
  );
  expect(done.result?.successful).toBe(true);
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return Buffer.concat(parts);
}

/** Reads at least `bytes` (or to the end), then cancels the rest; how many bytes were read. */
async function readThenCancel(stream: ReadableStream<Uint8Array>, bytes: number): Promise<number> {
  const reader = stream.getReader();
  let received = 0;
  while (received < bytes) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
  }
  await reader.cancel();
  return received;
}

/** The whole file in one request (GET …/files/{id}), to compare against. */
async function wholeFile(fileId: string): Promise<Buffer> {
  const res = await fetch(`${h.urls.apiUrl}/workspaces/${W}/models/${M}/files/${fileId}`, {
    headers: { Authorization: `AnaplanAuthToken ${token}` },
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

const chunkGets = () => h.requests({ method: "GET", path: /\/chunks\/\d+$/ });

describe("downloadFile", () => {
  it("streams every chunk in order; the bytes equal the whole file", async () => {
    await run(E.revenueCsv);
    await h.control("DELETE", "requests");
    const { stream, chunkCount } = await api.downloadFile(W, M, E.revenueCsv);
    const bytes = await readAll(stream);
    const expected = await wholeFile(E.revenueCsv);
    expect(chunkCount).toBe(Math.ceil(expected.length / CHUNK));
    expect(chunkCount).toBeGreaterThan(2);
    expect(bytes.equals(expected)).toBe(true);
    const paths = (await chunkGets()).map((r) => r.path.split("/").pop());
    expect(paths).toEqual(Array.from({ length: chunkCount }, (_, i) => String(i)));
  });

  it("with chunks opened ahead past the first megabytes, no chunk is asked for twice or out of turn", async () => {
    await h.control("POST", "config", { chunkSizeBytes: 1024 * 1024 });
    await run(E.huge);
    await h.control("DELETE", "requests");
    const { stream, chunkCount } = await api.downloadFile(W, M, E.huge);
    const want = OPEN_AHEAD_AFTER_BYTES + 4 * 1024 * 1024;
    await readThenCancel(stream, want);
    expect(chunkCount).toBeGreaterThan(want / (1024 * 1024) + 2);
    const asked = (await eventually(chunkGets, (l) => l.length > want / (1024 * 1024))).map((r) =>
      Number(r.path.split("/").pop()),
    );
    expect(new Set(asked).size).toBe(asked.length);
    expect([...asked].sort((a, b) => a - b)).toEqual(asked.map((_, i) => i));
  });

  it("non-ASCII content survives byte for byte", async () => {
    await run(E.nonAscii);
    const { stream } = await api.downloadFile(W, M, E.nonAscii);
    expect((await readAll(stream)).equals(await wholeFile(E.nonAscii))).toBe(true);
  });

  it("a chunk request that fails before any byte is retried", async () => {
    await run(E.revenueCsv);
    await h.control("DELETE", "requests");
    await h.fault({ method: "GET", path: "/chunks/1$", status: 503, times: 1 });
    await h.fault({ method: "GET", path: "/chunks/2$", mode: "reset", times: 1 });
    const { stream } = await api.downloadFile(W, M, E.revenueCsv);
    expect((await readAll(stream)).equals(await wholeFile(E.revenueCsv))).toBe(true);
    const statuses = (await chunkGets()).filter((r) => /\/chunks\/[12]$/.test(r.path));
    expect(statuses.length).toBe(4);
  });

  it("a chunk cut off mid-body errors the stream (never ends cleanly)", async () => {
    await run(E.revenueCsv);
    await h.fault({ method: "GET", path: "/chunks/1$", mode: "truncate", times: 1 });
    const { stream } = await api.downloadFile(W, M, E.revenueCsv);
    const error = await readAll(stream).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(AnaplanError);
  });

  it("a 404 on the first chunk rejects before the stream is handed out", async () => {
    await run(E.revenueCsv);
    await h.fault({ method: "GET", path: "/chunks/0$", status: 404, times: 1 });
    const e = await api.downloadFile(W, M, E.revenueCsv).then(
      () => undefined,
      (err: unknown) => err as AnaplanError,
    );
    expect(e?.kind).toBe("not_found");
  });

  it("cancelling the stream aborts the upstream request and fetches no further chunk", async () => {
    await h.control("POST", "config", { chunkSizeBytes: 64 * 1024 * 1024 });
    await run(E.huge);
    await h.control("DELETE", "requests");
    const { stream, chunkCount } = await api.downloadFile(W, M, E.huge);
    expect(chunkCount).toBeGreaterThan(1);
    await readThenCancel(stream, 256 * 1024);
    // The simulator logs a response when it finishes or its connection closes: a 64 MB chunk cannot have
    // finished while we stopped reading, so the entry shows the upstream request was torn down.
    const log = await eventually(chunkGets, (l) => l.length >= 1, 3000);
    expect(log.map((r) => r.path.split("/").pop())).toEqual(["0"]);
    await new Promise((r) => setTimeout(r, 200));
    expect(await chunkGets()).toHaveLength(1);
  });

  it("aborting the client's signal aborts the download", async () => {
    await h.control("POST", "config", { chunkSizeBytes: 64 * 1024 * 1024 });
    await run(E.huge);
    await h.control("DELETE", "requests");
    const controller = new AbortController();
    const aborting = createAnaplanApi({ token, urls: h.urls, signal: controller.signal });
    const { stream } = await aborting.downloadFile(W, M, E.huge);
    const reader = stream.getReader();
    await reader.read();
    controller.abort();
    const outcome = await reader.read().then(
      (r) => (r.done ? "done" : "value"),
      (err: unknown) => (err instanceof AnaplanError ? err.kind : "other"),
    );
    // one buffered piece may still be delivered; after that the stream errors
    const final =
      outcome === "value"
        ? await reader.read().then(
            () => "value",
            (err: unknown) => (err as AnaplanError).kind,
          )
        : outcome;
    expect(final).toBe("aborted");
    const log = await eventually(chunkGets, (l) => l.length >= 1, 3000);
    expect(log).toHaveLength(1);
  });

  it("memory does not grow with file size (reads 96 MB across many chunks with bounded memory)", async () => {
    await h.control("POST", "config", { chunkSizeBytes: 4 * 1024 * 1024 });
    await run(E.huge);
    const { stream } = await api.downloadFile(W, M, E.huge);
    const reader = stream.getReader();
    let received = 0;
    let peak = 0;
    const baseline = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    while (received < 96 * 1024 * 1024) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      const now = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
      peak = Math.max(peak, now - baseline);
    }
    await reader.cancel();
    expect(received).toBeGreaterThanOrEqual(96 * 1024 * 1024);
    expect(peak).toBeLessThan(40 * 1024 * 1024);
  });
});
