import { describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/events/route";
import * as tasksRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/route";
import { setEventStreamTimingForTests } from "@/lib/bff/model-events";
import { ledgerEvents, type LedgerEvent } from "@/lib/ledger";
import type { LiveEvent } from "@/lib/shared/live-events";
import { tenantOf } from "@/lib/session";
import { M, SEED, W, ctx, req, signIn, startOutside, unsealCookie } from "./helpers";
import { setUpStack } from "./stack";

const stack = setUpStack();
const E = SEED.exports;

function open(cookie: string | undefined, modelId: string = M): Promise<Response> {
  return eventsRoute.GET(
    req(`/api/workspaces/${W}/models/${modelId}/events`, { cookie }),
    ctx({ workspaceId: W, modelId }),
  );
}

/** Reads a stream's text until `done` says it has what it needs (or the stream ends). */
async function readUntil(res: Response, done: (text: string) => boolean): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!done(text)) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return text;
}

function ledgerEventsIn(text: string): LiveEvent[] {
  return text
    .split("\n\n")
    .filter((block) => block.startsWith("event: ledger\n"))
    .map((block) => JSON.parse(block.slice(block.indexOf("data: ") + 6)) as LiveEvent);
}

const hasEvents = (n: number) => (text: string) => ledgerEventsIn(text).length >= n;

async function startThroughDesk(cookie: string, exportId: string): Promise<string> {
  const res = await tasksRoute.POST(
    req(`/api/workspaces/${W}/models/${M}/exports/${exportId}/tasks`, {
      method: "POST",
      cookie,
      csrf: true,
      body: "{}",
    }),
    ctx({ workspaceId: W, modelId: M, exportId }),
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { task: { taskId: string } }).task.taskId;
}

describe("GET …/models/{modelId}/events", () => {
  it("answers 401 without a session, before any upstream call", async () => {
    const res = await open(undefined);
    expect(res.status).toBe(401);
    expect(await stack.control.requests()).toEqual([]);
  });

  it("answers 404 for a model the reader cannot open", async () => {
    const res = await open(await signIn("bruno"), SEED.models.restricted);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });

  it("is an unbuffered event stream with a reconnect hint", async () => {
    const res = await open(await signIn("ada"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    expect(await readUntil(res, (t) => t.includes("\n\n"))).toMatch(/^retry: 3000\n/);
  });

  it("a teammate's start through Export Desk reaches the stream with who started it; the starter's own is marked", async () => {
    const [ada, bruno] = [await signIn("ada"), await signIn("bruno")];
    const adaStream = await open(ada);
    const brunoStream = await open(bruno);
    const adaReads = readUntil(adaStream, hasEvents(1));
    const brunoReads = readUntil(brunoStream, hasEvents(1));
    const taskId = await startThroughDesk(bruno, E.revenueCsv);
    const [forAda] = ledgerEventsIn(await adaReads);
    expect(forAda).toMatchObject({
      kind: "started",
      taskId,
      exportId: E.revenueCsv,
      exportName: "Revenue by Region - Data.csv",
      actor: "Bruno Díaz",
      byYou: false,
    });
    expect(forAda).not.toHaveProperty("actorUserId");
    expect(ledgerEventsIn(await brunoReads)[0]).toMatchObject({ taskId, byYou: true });
  });

  it("never delivers another tenant's or another model's events", async () => {
    const ada = await signIn("ada");
    const tenantId = tenantOf(await unsealCookie(ada));
    const reads = readUntil(await open(ada), hasEvents(1));
    const base: LedgerEvent = {
      tenantId: "someone-else",
      workspaceId: W,
      modelId: M,
      exportId: E.revenueCsv,
      exportName: "",
      taskId: "A".repeat(32),
      kind: "started",
      state: null,
      actor: "Mallory",
      actorUserId: null,
      at: 1,
    };
    ledgerEvents().publish(base);
    ledgerEvents().publish({ ...base, tenantId, modelId: SEED.models.salesPlanning });
    const taskId = await startThroughDesk(ada, E.opexTxt);
    expect(ledgerEventsIn(await reads).map((e) => e.taskId)).toEqual([taskId]);
  });

  it("sends a heartbeat comment while nothing happens", async () => {
    setEventStreamTimingForTests({ heartbeatMs: 20 });
    const text = await readUntil(await open(await signIn("ada")), (t) => t.includes(": heartbeat\n\n"));
    expect(text).toContain(": heartbeat\n\n");
  });

  it("ends itself after its lifetime with an end event, so the browser reconnects through the session gate", async () => {
    setEventStreamTimingForTests({ maxLifetimeMs: 30 });
    const text = await readUntil(await open(await signIn("ada")), () => false);
    expect(text).toMatch(/event: end\ndata: \{"reason":"lifetime"\}\n\n$/);
  });

  it("ends no later than the session's Anaplan token", async () => {
    await stack.control.configure({ tokenLifetimeSeconds: 1 });
    const text = await readUntil(await open(await signIn("ada")), () => false);
    expect(text).toContain("event: end");
  });

  it("a run started outside Export Desk reaches the stream through the model status", async () => {
    const ada = await signIn("ada");
    const taskId = await startOutside(stack.sim.url, "bruno", E.opexTxt);
    const text = await readUntil(await open(ada), hasEvents(1));
    expect(ledgerEventsIn(text)[0]).toMatchObject({ kind: "started", taskId, exportId: E.opexTxt, actor: null });
  });
});
