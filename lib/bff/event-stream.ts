import "server-only";

export interface EventStreamOptions {
  /** Ends the stream (the browser went away). */
  signal: AbortSignal;
  /** The stream ends itself after this long, with a last `end` event: the browser reconnects and signs in anew. */
  lifetimeMs: number;
  heartbeatMs: number;
  /** The browser's reconnect delay, sent as `retry:`. */
  retryMs: number;
  /** Starts the source; `send` writes one event; the returned function stops the source. */
  start: (send: (event: string, data: unknown) => void) => () => void;
}

export interface EventStreamTiming {
  maxLifetimeMs: number;
  heartbeatMs: number;
  retryMs: number;
}

/**
 * A server-sent event stream: the `retry:` hint first, then events as the source sends them, a comment line every
 * heartbeatMs (proxies and load balancers close connections that stay silent), and an `end` event with the
 * reason when its lifetime is over. Nothing is buffered: each event is one enqueued chunk.
 */
export function eventStream(options: EventStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop: () => void = () => undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      let stopSource: () => void = () => undefined;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          finish();
        }
      };
      const finish = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        options.signal.removeEventListener("abort", finish);
        stopSource();
        try {
          controller.close();
        } catch {
          // Already closed by the reader going away.
        }
      };
      stop = finish;
      const heartbeat = setInterval(() => write(": heartbeat\n\n"), options.heartbeatMs);
      const lifetime = setTimeout(
        () => {
          write(`event: end\ndata: ${JSON.stringify({ reason: "lifetime" })}\n\n`);
          finish();
        },
        Math.max(0, options.lifetimeMs),
      );
      write(`retry: ${options.retryMs}\n: connected\n\n`);
      stopSource = options.start((event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      if (!open) stopSource();
      else if (options.signal.aborted) finish();
      else options.signal.addEventListener("abort", finish);
    },
    cancel() {
      stop();
    },
  });
}
