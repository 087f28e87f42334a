import "server-only";
import { Client } from "pg";
import { databaseErrorCode } from "./errors";

export interface ListenOptions {
  /** First wait before reconnecting; doubles per failed attempt up to maxBackoffMs. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Told about a lost and a regained connection (error code only: never the URL). */
  onState?: (state: "lost" | "listening", details: { code?: string }) => void;
}

export interface Listener {
  /** Resolves once the first LISTEN is in place (or the listener was closed). */
  ready: Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * One dedicated connection that LISTENs on `channel` (a pool cannot: notifications belong to a session), and
 * reconnects with backoff when the server goes away. Notifications sent while it was away are lost: readers of
 * the events must have another way to catch up (pages keep polling, slowly).
 */
export function listenChannel(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  options: ListenOptions = {},
): Listener {
  if (!CHANNEL.test(channel)) throw new Error(`Invalid channel name: ${channel}`);
  const minBackoff = options.minBackoffMs ?? 500;
  const maxBackoff = options.maxBackoffMs ?? 30_000;
  let client: Client | null = null;
  let closed = false;
  let backoff = minBackoff;
  let timer: NodeJS.Timeout | null = null;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  async function connect(): Promise<void> {
    if (closed) return;
    const next = new Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
    client = next;
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    next.on("error", (error) => lost(next, error));
    next.on("end", () => lost(next, null));
    try {
      await next.connect();
      await next.query(`listen ${channel}`);
    } catch (error) {
      lost(next, error);
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    backoff = minBackoff;
    options.onState?.("listening", {});
    markReady();
  }

  function lost(which: Client, error: unknown): void {
    // Only the current connection's end counts: a late 'end' of an older one must not start a second reconnect.
    if (closed || timer || client !== which) return;
    client = null;
    which.end().catch(() => undefined);
    options.onState?.("lost", { code: error ? databaseErrorCode(error) : undefined });
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, backoff);
    timer.unref?.();
    backoff = Math.min(maxBackoff, backoff * 2);
  }

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      markReady();
      if (timer) clearTimeout(timer);
      timer = null;
      const open = client;
      client = null;
      await open?.end().catch(() => undefined);
    },
  };
}
