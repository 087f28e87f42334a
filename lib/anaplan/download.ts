import "server-only";
import { AnaplanError } from "./errors";
import { abortedError, send, sleep, type HttpRequest } from "./http";
import { decideRetry, type RetryPolicy } from "./retry";

/**
 * Streams a file chunk by chunk, each read only when the consumer pulls (so memory does not grow with file size),
 * bytes passed on as they arrive. Past the first megabytes, while one chunk is read the next one's request is
 * already open (its body waits, held back by TCP), so no round trip to Anaplan stalls the flow between chunks.
 *
 * Each chunk is a GET, so it may be retried — but only until its first byte has been emitted; after that a
 * failure errors the stream (it is never ended cleanly, so a broken download cannot look complete).
 * Cancelling the stream or aborting `signal` aborts the upstream request.
 */

export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 30_000;
/** How far the download may read ahead of the browser. */
export const READ_AHEAD_BYTES = 2 * 1024 * 1024;
/**
 * The next chunk is opened ahead only once this much has gone out: a preview or a probe of the file (which reads a
 * little and cancels) never costs Anaplan a second chunk request.
 */
export const OPEN_AHEAD_AFTER_BYTES = 4 * READ_AHEAD_BYTES;

export interface ChunkDownloadOptions {
  chunkIds: readonly string[];
  chunkUrl: (chunkId: string) => string;
  headers: Record<string, string>;
  signal?: AbortSignal;
  policy: RetryPolicy;
  /** Per attempt: time allowed until the response headers of a chunk arrive. */
  firstByteTimeoutMs: number;
  /** Longest silence allowed while a chunk body is arriving. */
  idleTimeoutMs: number;
}

interface OpenChunk {
  reader: ReadableStreamDefaultReader<Uint8Array>;
  abort: AbortController;
  emitted: number;
}

const WHAT = "the file download";

/** Chunk ids are "0", "1", …; order numerically when they all are numbers, else keep the server's order. */
export function orderChunkIds(ids: readonly string[]): string[] {
  if (ids.every((id) => /^\d+$/.test(id))) return [...ids].sort((a, b) => Number(a) - Number(b));
  return [...ids];
}

/**
 * Opens the first chunk before returning, so a missing file or a refused first request rejects the promise
 * (letting the caller answer 404/502 before sending any headers) instead of breaking a stream already begun.
 */
export async function openChunkedStream(options: ChunkDownloadOptions): Promise<ReadableStream<Uint8Array>> {
  const ids = options.chunkIds;
  if (ids.length === 0) throw new AnaplanError("not_found", "The file has no content yet; run the export first.");

  const cancelled = new AbortController();
  const outer = options.signal ? AbortSignal.any([options.signal, cancelled.signal]) : cancelled.signal;

  let index = 0;
  let current: OpenChunk | undefined;
  let upcoming: { index: number; chunk: Promise<OpenChunk> } | undefined;
  let emittedTotal = 0;
  let chunkStarted = Date.now();
  let bodyRetries = 0;
  let streamController: ReadableStreamDefaultController<Uint8Array> | undefined;

  async function open(i: number): Promise<OpenChunk> {
    const abort = new AbortController();
    const id = ids[i];
    if (id === undefined) throw new AnaplanError("invalid_response", "Anaplan's list of file chunks was inconsistent.");
    const req: HttpRequest = {
      method: "GET",
      url: options.chunkUrl(id),
      headers: options.headers,
      what: WHAT,
      service: "api",
      mode: "idempotent",
      signal: AbortSignal.any([outer, abort.signal]),
      timeoutMs: options.firstByteTimeoutMs,
      policy: options.policy,
    };
    const res = await send(req, async (response) => response);
    if (!res.body) {
      // An empty chunk: a reader over nothing.
      return { reader: new ReadableStream<Uint8Array>({ start: (c) => c.close() }).getReader(), abort, emitted: 0 };
    }
    return { reader: res.body.getReader(), abort, emitted: 0 };
  }

  async function readWithIdleTimeout(chunk: OpenChunk): Promise<ReadableStreamReadResult<Uint8Array>> {
    let idle = false;
    const timer = setTimeout(() => {
      idle = true;
      chunk.abort.abort();
    }, options.idleTimeoutMs);
    try {
      return await chunk.reader.read();
    } catch (err) {
      if (outer.aborted) throw abortedError(WHAT);
      if (idle) {
        throw new AnaplanError(
          "timeout",
          `Anaplan stopped sending the file for ${Math.round(options.idleTimeoutMs / 1000)} seconds; try the download again.`,
        );
      }
      throw new AnaplanError("network", "The connection to Anaplan broke during the download; try again.", {
        cause: err instanceof Error ? { name: err.name } : undefined,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Chunk `i`: the one opened ahead when it is that one, else opened now. */
  function openInTurn(i: number): Promise<OpenChunk> {
    const ahead = upcoming?.index === i ? upcoming.chunk : undefined;
    if (!ahead) return open(i);
    upcoming = undefined;
    return ahead;
  }

  /** While chunk `index` is read, the one after it is asked for (once enough has gone out to be a download). */
  function openNextAhead(): void {
    if (upcoming || emittedTotal < OPEN_AHEAD_AFTER_BYTES || index + 1 >= ids.length || outer.aborted) return;
    const next = open(index + 1);
    // Settled when its turn comes; a failure there is handled like any chunk's.
    next.catch(() => undefined);
    upcoming = { index: index + 1, chunk: next };
  }

  function dropUpcoming(): void {
    const ahead = upcoming;
    upcoming = undefined;
    void ahead?.chunk.then(
      (chunk) => chunk.abort.abort(),
      () => undefined,
    );
  }

  function closeCurrent(): void {
    const chunk = current;
    current = undefined;
    if (chunk) {
      // Aborting the request errors its body, which settles any pending read; then let go of the reader.
      chunk.abort.abort();
      try {
        chunk.reader.releaseLock();
      } catch {
        // a read was still pending; the aborted body settles it
      }
    }
  }

  const onOuterAbort = () => {
    closeCurrent();
    dropUpcoming();
    if (options.signal?.aborted && streamController) {
      try {
        streamController.error(abortedError(WHAT));
      } catch {
        // already closed or errored
      }
    }
  };
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const detach = () => options.signal?.removeEventListener("abort", onOuterAbort);

  try {
    current = await open(0);
  } catch (err) {
    detach();
    throw err;
  }

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        streamController = controller;
      },
      async pull(controller) {
        try {
          for (;;) {
            if (outer.aborted) throw abortedError(WHAT);
            if (!current) {
              if (index >= ids.length) {
                detach();
                controller.close();
                return;
              }
              current = await openInTurn(index);
            }
            let step: ReadableStreamReadResult<Uint8Array>;
            try {
              step = await readWithIdleTimeout(current);
            } catch (err) {
              const emitted = current?.emitted ?? 0;
              closeCurrent();
              if (!(err instanceof AnaplanError) || err.kind === "aborted" || emitted > 0) throw err;
              // Nothing of this chunk was passed on yet: the GET may be repeated.
              bodyRetries += 1;
              const decision = decideRetry({
                attempt: bodyRetries,
                elapsedMs: Date.now() - chunkStarted,
                policy: options.policy,
              });
              if (!decision.retry) throw err;
              await sleep(decision.delayMs, outer, WHAT);
              continue;
            }
            if (step.done) {
              closeCurrent();
              index += 1;
              chunkStarted = Date.now();
              bodyRetries = 0;
              continue;
            }
            if (step.value.byteLength === 0) continue;
            current.emitted += step.value.byteLength;
            emittedTotal += step.value.byteLength;
            controller.enqueue(step.value);
            openNextAhead();
            return;
          }
        } catch (err) {
          closeCurrent();
          dropUpcoming();
          detach();
          throw err instanceof AnaplanError
            ? err
            : new AnaplanError("network", "The download from Anaplan failed; try again.");
        }
      },
      cancel() {
        cancelled.abort();
        closeCurrent();
        dropUpcoming();
        detach();
      },
    },
    // Up to READ_AHEAD_BYTES read ahead of the consumer: the upstream socket keeps flowing while the browser's side
    // writes (one piece at a time made each wait on the other), and memory stays bounded whatever the file's size.
    new ByteLengthQueuingStrategy({ highWaterMark: READ_AHEAD_BYTES }),
  );
}
