import { describe, expect, it } from "vitest";
import { AnaplanError } from "@/lib/anaplan/errors";
import { createTtlCache } from "./ttl-cache";

/** A load that the test settles by hand, counting how often it was started. */
function manualLoads<T>() {
  const started: { resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
  const load = () =>
    new Promise<T>((resolve, reject) => {
      started.push({ resolve, reject });
    });
  return { load, started };
}

let caches = 0;
const fresh = () => createTtlCache<string>(`ttl-cache-test-${++caches}`, 60_000, 10);

/** A load started by one caller and joined by a second, each with a load of its own, nothing settled yet. */
function startedAndJoined() {
  const cache = fresh();
  const starter = manualLoads<string>();
  const joiner = manualLoads<string>();
  return { cache, starter, joiner, started: cache.get("k", starter.load), joined: cache.get("k", joiner.load) };
}

describe("ttl cache", () => {
  it("callers within the window share one load, in flight or done", async () => {
    const cache = fresh();
    const { load, started } = manualLoads<string>();
    const first = cache.get("k", load);
    const second = cache.get("k", load);
    started[0]!.resolve("list");
    expect(await Promise.all([first, second])).toEqual(["list", "list"]);
    expect(await cache.get("k", load)).toBe("list");
    expect(started).toHaveLength(1);
  });

  it("a joiner never takes over a failure that belongs to the starter's token or request", async () => {
    const { cache, starter, joiner, started, joined } = startedAndJoined();
    starter.started[0]!.reject(new AnaplanError("unauthorized", "Your Anaplan session has ended.", { status: 401 }));
    await expect(started).rejects.toMatchObject({ kind: "unauthorized" });
    // The joiner asks with its own credentials instead; its answer is shared from then on.
    expect(joiner.started).toHaveLength(1);
    joiner.started[0]!.resolve("list");
    expect(await joined).toBe("list");
    expect(await cache.get("k", starter.load)).toBe("list");
  });

  it("a page's redirect thrown inside the starter's load is the starter's alone", async () => {
    const { starter, joiner, started, joined } = startedAndJoined();
    starter.started[0]!.reject(new Error("NEXT_REDIRECT;replace;/login?returnTo=%2Fsomeone-else%27s-page"));
    await expect(started).rejects.toThrow(/NEXT_REDIRECT/);
    joiner.started[0]!.resolve("list");
    expect(await joined).toBe("list");
  });

  it("a failure that is everyone's (Anaplan down) is shared, not repeated by every joiner", async () => {
    const { cache, starter, joiner, started, joined } = startedAndJoined();
    starter.started[0]!.reject(new AnaplanError("upstream_error", "Anaplan could not answer.", { status: 503 }));
    await expect(started).rejects.toMatchObject({ kind: "upstream_error" });
    await expect(joined).rejects.toMatchObject({ kind: "upstream_error" });
    expect(joiner.started).toHaveLength(0);
    // Failures are not cached: the next caller loads again.
    void cache.get("k", joiner.load).catch(() => undefined);
    expect(joiner.started).toHaveLength(1);
  });

  it("a load behind keeps answering the entry it has until the new answer arrives, one at a time per key", async () => {
    const cache = fresh();
    expect(cache.ageOf("k")).toBeUndefined();
    const first = manualLoads<string>();
    const kept = cache.get("k", first.load);
    first.started[0]!.resolve("old");
    expect(await kept).toBe("old");
    expect(cache.ageOf("k")).toBeGreaterThanOrEqual(0);

    const behind = manualLoads<string>();
    const reloading = cache.reloadBehind("k", behind.load);
    expect(cache.reloadBehind("k", behind.load)).toBe(reloading);
    expect(await cache.get("k", first.load)).toBe("old");
    behind.started[0]!.resolve("new");
    expect(await reloading).toBe("new");
    expect(await cache.get("k", first.load)).toBe("new");
    expect(behind.started).toHaveLength(1);
    expect(first.started).toHaveLength(1);
  });

  it("a refused load behind drops the entry, so the next caller loads for itself", async () => {
    const cache = fresh();
    const first = manualLoads<string>();
    const kept = cache.get("k", first.load);
    first.started[0]!.resolve("old");
    await kept;
    const behind = manualLoads<string>();
    const reloading = cache.reloadBehind("k", behind.load);
    behind.started[0]!.reject(new AnaplanError("forbidden", "You do not have permission.", { status: 403 }));
    await expect(reloading).rejects.toMatchObject({ kind: "forbidden" });
    expect(cache.peek("k")).toBeUndefined();
    void cache.get("k", first.load);
    expect(first.started).toHaveLength(2);
  });
});
