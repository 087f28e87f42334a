import { describe, expect, it } from "vitest";
import { TaskStore } from "./tasks";

const base = { modelId: "M", userId: "U", durationMs: 10_000, behaviour: "normal" as const, cancelLatencyMs: 1_000 };

describe("task scheduling (pure)", () => {
  it("queues FIFO per model and computes states from the clock only", () => {
    const store = new TaskStore();
    const a = store.create({ ...base, exportId: "1", createdAt: 0 });
    const b = store.create({ ...base, exportId: "2", createdAt: 100 });
    const other = store.create({ ...base, modelId: "N", exportId: "3", createdAt: 100 });
    expect(store.view(a, 5_000).state).toBe("IN_PROGRESS");
    expect(store.view(b, 5_000).state).toBe("NOT_STARTED");
    expect(store.view(other, 5_000).state).toBe("IN_PROGRESS");
    expect(store.view(a, 10_000)).toMatchObject({ state: "COMPLETE", successful: true, finishedAt: 10_000 });
    expect(store.view(b, 15_000)).toMatchObject({ state: "IN_PROGRESS", progress: 0.5 });
    expect(store.view(b, 20_000).state).toBe("COMPLETE");
  });

  it("keeps past cancellations consistent when an earlier task is cancelled later", () => {
    const store = new TaskStore();
    const a = store.create({ ...base, exportId: "1", createdAt: 0 });
    const b = store.create({ ...base, exportId: "2", createdAt: 0 });
    const c = store.create({ ...base, exportId: "3", createdAt: 0 });
    expect(store.cancel(b, "X", 2_000, 1_000).state).toBe("CANCELLING");
    expect(store.cancel(a, "X", 4_000, 1_000).state).toBe("CANCELLING");
    expect(store.view(b, 3_000).state).toBe("CANCELLED");
    expect(store.view(a, 4_999).state).toBe("CANCELLING");
    expect(store.view(a, 5_000)).toMatchObject({ state: "CANCELLED", progress: 0.4 });
    // c starts as soon as a's cancellation frees the lock.
    expect(store.view(c, 5_000).state).toBe("IN_PROGRESS");
    expect(store.view(c, 15_000).state).toBe("COMPLETE");
  });

  it("a failing task frees the lock early; an uncancellable one ignores cancel", () => {
    const store = new TaskStore();
    const f = store.create({ ...base, exportId: "1", createdAt: 0, behaviour: "failing" });
    const u = store.create({ ...base, exportId: "2", createdAt: 0, behaviour: "uncancellable" });
    expect(store.view(f, 4_000)).toMatchObject({ state: "COMPLETE", successful: false });
    store.cancel(u, "X", 6_000, 1_000);
    expect(store.view(u, 8_000).state).toBe("CANCELLING");
    expect(store.view(u, 14_000)).toMatchObject({ state: "COMPLETE", successful: true });
    expect(store.cancel(u, "X", 20_000, 1_000).state).toBe("COMPLETE");
  });
});
