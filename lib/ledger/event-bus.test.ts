import { afterEach, describe, expect, it } from "vitest";
import { Client } from "pg";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-databases";
import { createEventBus, type EventBus, type LedgerEvent } from "./event-bus";
import { createLedger } from "./facade";
import { EVENTS_CHANNEL, postgresTransport } from "./pg-transport";
import { ada, EXPORT, otherModel, otherTenant, scope, task, taskId } from "./testing/fixtures";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const event = (over: Partial<LedgerEvent> = {}): LedgerEvent => ({
  ...scope,
  exportId: EXPORT.id,
  exportName: EXPORT.name,
  taskId: taskId(1),
  kind: "started",
  state: "NOT_STARTED",
  actor: ada.name,
  actorUserId: ada.userId,
  at: 1,
  ...over,
});

/** Resolves with the next `count` events a subscriber of `on` gets. */
function collect(bus: EventBus, on = scope, count = 1): Promise<LedgerEvent[]> {
  const got: LedgerEvent[] = [];
  return new Promise((resolve) => {
    const stop = bus.subscribe(on, (e) => {
      got.push(e);
      if (got.length === count) {
        stop();
        resolve(got);
      }
    });
  });
}

async function serverDatabase(): Promise<TestDatabase> {
  const test = await createTestDatabase("postgres", { migrate: false });
  cleanups.push(() => test.drop());
  return test;
}

function instance(test: TestDatabase, options: Parameters<typeof postgresTransport>[2] = {}): EventBus {
  const bus = createEventBus({
    transport: postgresTransport(async () => test.database.db, test.location, { minBackoffMs: 20, ...options }),
  });
  cleanups.push(() => bus.close());
  return bus;
}

describe("the in-process bus (embedded database, or the ledger off)", () => {
  it("delivers an event to its scope's subscribers only", async () => {
    const bus = createEventBus();
    const otherScopes: LedgerEvent[] = [];
    bus.subscribe(otherModel, (e) => otherScopes.push(e));
    bus.subscribe(otherTenant, (e) => otherScopes.push(e));
    const mine = collect(bus);
    bus.publish(event());
    expect(await mine).toEqual([event()]);
    expect(otherScopes).toEqual([]);
  });

  it("matches workspace and model ids in any case, and cuts long names", async () => {
    const bus = createEventBus();
    const mine = collect(bus, { ...scope, modelId: scope.modelId.toLowerCase() });
    bus.publish(event({ exportName: "x".repeat(5_000) }));
    expect((await mine)[0]!.exportName).toHaveLength(300);
  });

  it("a subscriber that throws does not keep the event from the others", async () => {
    const bus = createEventBus();
    bus.subscribe(scope, () => {
      throw new Error("closed stream");
    });
    const mine = collect(bus);
    bus.publish(event());
    expect(await mine).toHaveLength(1);
  });
});

describe("the PostgreSQL bus: two app instances on one DATABASE_URL", () => {
  it("each instance hears the other's events once, and its own once", async () => {
    const test = await serverDatabase();
    const a = instance(test);
    const b = instance(test);
    await Promise.all([a.ready, b.ready]);
    const onA = collect(a, scope, 2);
    const onB = collect(b, scope, 2);
    a.publish(event({ taskId: taskId(1) }));
    b.publish(event({ taskId: taskId(2) }));
    const ids = async (p: Promise<LedgerEvent[]>) => (await p).map((e) => e.taskId).sort();
    expect(await ids(onA)).toEqual([taskId(1), taskId(2)]);
    expect(await ids(onB)).toEqual([taskId(1), taskId(2)]);
  });

  it("another tenant's or model's events never reach a subscriber", async () => {
    const test = await serverDatabase();
    const a = instance(test);
    const b = instance(test);
    await Promise.all([a.ready, b.ready]);
    const leaked: LedgerEvent[] = [];
    b.subscribe(otherTenant, (e) => leaked.push(e));
    b.subscribe(otherModel, (e) => leaked.push(e));
    const mine = collect(b);
    a.publish(event({ taskId: taskId(7) }));
    expect((await mine)[0]!.taskId).toBe(taskId(7));
    expect(leaked).toEqual([]);
  });

  it("drops a foreign or malformed notification on the channel", async () => {
    const test = await serverDatabase();
    const b = instance(test);
    await b.ready;
    const got = collect(b);
    const client = new Client({ connectionString: test.location });
    await client.connect();
    await client.query("select pg_notify($1, $2)", [EVENTS_CHANNEL, "not json"]);
    await client.query("select pg_notify($1, $2)", [
      EVENTS_CHANNEL,
      JSON.stringify({ origin: "x", event: { kind: "rm -rf" } }),
    ]);
    await client.query("select pg_notify($1, $2)", [
      EVENTS_CHANNEL,
      JSON.stringify({ origin: "x", event: event({ taskId: taskId(9) }) }),
    ]);
    await client.end();
    expect((await got).map((e) => e.taskId)).toEqual([taskId(9)]);
  });

  it("the listening connection comes back after the server drops it", async () => {
    const test = await serverDatabase();
    const states: string[] = [];
    const b = instance(test, { onState: (s) => states.push(s) });
    const a = instance(test);
    await Promise.all([a.ready, b.ready]);
    const client = new Client({ connectionString: test.location });
    await client.connect();
    await client.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'",
    );
    await client.end();
    await expect.poll(() => states.join(","), { timeout: 10_000 }).toBe("listening,lost,listening");
    const got = collect(b);
    a.publish(event({ taskId: taskId(3) }));
    expect((await got)[0]!.taskId).toBe(taskId(3));
  });

  it("a failed NOTIFY still delivers in this process, and says so", async () => {
    const failures: unknown[] = [];
    const bus = createEventBus({
      transport: {
        send: () => Promise.reject(Object.assign(new Error("down"), { code: "ECONNREFUSED" })),
        listen: () => ({ ready: Promise.resolve(), close: async () => undefined }),
      },
      onSendFailed: (error) => failures.push(error),
    });
    const got = collect(bus);
    bus.publish(event());
    expect(await got).toHaveLength(1);
    await expect.poll(() => failures.length).toBe(1);
  });
});

describe("the ledger publishes what it records", () => {
  it("a start, a first sighting of an outside run, a state change and a cancel; an unchanged list publishes nothing", async () => {
    const test = await createTestDatabase("pglite");
    cleanups.push(() => test.drop());
    const published: LedgerEvent[] = [];
    const ledger = createLedger({
      engine: "pglite",
      open: async () => test.database,
      publish: (e) => published.push(e),
    });
    const seen = new Date(Date.UTC(2026, 10, 30, 10));
    await ledger.recordRunStarted({
      ...scope,
      exportId: EXPORT.id,
      exportName: EXPORT.name,
      taskId: taskId(1),
      locale: null,
      startedBy: ada,
      at: seen,
    });
    await ledger.recordObservations(
      scope,
      EXPORT.id,
      EXPORT.name,
      [task(1, "IN_PROGRESS"), task(2, "IN_PROGRESS")],
      seen,
    );
    await ledger.recordObservations(
      scope,
      EXPORT.id,
      EXPORT.name,
      [task(1, "IN_PROGRESS"), task(2, "IN_PROGRESS")],
      seen,
    );
    await ledger.recordCancelRequested(scope, taskId(2), ada, seen, { exportId: EXPORT.id, exportName: EXPORT.name });
    expect(published.map((e) => [e.kind, e.taskId, e.state, e.actor])).toEqual([
      ["started", taskId(1), "NOT_STARTED", ada.name],
      ["state", taskId(1), "IN_PROGRESS", null],
      ["started", taskId(2), "IN_PROGRESS", null],
      ["cancel-requested", taskId(2), "CANCELLING", ada.name],
    ]);
  });

  it("publishes a start while the database is down, and no state change it could not record", async () => {
    const published: LedgerEvent[] = [];
    const ledger = createLedger({
      engine: "postgres",
      open: () => Promise.reject(new Error("down")),
      publish: (e) => published.push(e),
    });
    const seen = new Date();
    await ledger.recordRunStarted({
      ...scope,
      exportId: EXPORT.id,
      exportName: EXPORT.name,
      taskId: taskId(1),
      locale: null,
      startedBy: ada,
      at: seen,
    });
    await ledger.recordObservations(scope, EXPORT.id, EXPORT.name, [task(1, "IN_PROGRESS")], seen);
    expect(published.map((e) => e.kind)).toEqual(["started"]);
  });
});
