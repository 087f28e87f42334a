import "server-only";
import { isAnaplanError, type AnaplanErrorKind } from "@/lib/anaplan/errors";
import { processState } from "@/lib/server/process-state";

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

/** Failures that say nothing about who asked: Anaplan or the way to it failed, for anyone asking now. */
const EVERYONES_FAILURES: ReadonlySet<AnaplanErrorKind> = new Set([
  "upstream_error",
  "timeout",
  "network",
  "invalid_response",
  "status_unknown",
]);

const isEveryonesFailure = (error: unknown) => isAnaplanError(error) && EVERYONES_FAILURES.has(error.kind);

/**
 * A small in-process cache of promises: callers within `ttlMs` share one upstream call (in flight or done),
 * failures are never cached, and the least recently stored entries go first beyond `maxEntries`.
 *
 * A load runs with its starter's credentials and request (an expired token, a page's redirect to sign-in naming
 * that page), so a caller who joined it takes over its failure only when the failure is everyone's (Anaplan
 * down, a timeout); any other failure makes the joiner load for itself.
 */
export function createTtlCache<T>(name: string, ttlMs: number, maxEntries: number) {
  const entries = processState(`ttl-cache:${name}`, () => new Map<string, Entry<T>>());
  const behind = new Map<string, Promise<T>>();
  /** Loads `key` now, even when a fresh entry exists, and keeps the answer for the callers after it. */
  function reload(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const value = load();
    entries.delete(key);
    entries.set(key, { at: now, value });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
    return value;
  }
  return {
    get(key: string, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (!hit || Date.now() - hit.at >= ttlMs) return reload(key, load);
      return hit.value.catch((error: unknown) => {
        if (isEveryonesFailure(error)) throw error;
        return reload(key, load);
      });
    },
    reload,
    /**
     * Loads `key` again while callers go on getting the entry they have (one such load per key at a time); the
     * answer replaces the entry when it arrives, and a failure drops it.
     */
    reloadBehind(key: string, load: () => Promise<T>): Promise<T> {
      let running = behind.get(key);
      if (!running) {
        running = load();
        behind.set(key, running);
        running.then(
          (value) => reload(key, () => Promise.resolve(value)),
          () => entries.delete(key),
        );
        void running.catch(() => undefined).finally(() => behind.delete(key));
      }
      return running;
    },
    /** The fresh entry for `key`, without loading one. */
    peek(key: string): Promise<T> | undefined {
      const hit = entries.get(key);
      return hit && Date.now() - hit.at < ttlMs ? hit.value : undefined;
    },
    /** How long ago the fresh entry for `key` was loaded, in milliseconds; undefined when there is none. */
    ageOf(key: string): number | undefined {
      const hit = entries.get(key);
      const age = hit ? Date.now() - hit.at : Infinity;
      return age < ttlMs ? age : undefined;
    },
    /** Drops every entry whose key ends with `suffix` (for example one export, for all users). */
    invalidate(suffix: string): void {
      for (const key of entries.keys()) if (key.endsWith(suffix)) entries.delete(key);
    },
    clear(): void {
      entries.clear();
    },
  };
}
