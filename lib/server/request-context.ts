import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { onUpstreamCall } from "@/lib/anaplan/http";

interface RequestContext {
  requestId: string;
  upstreamCalls: number;
  /** Time this request's upstream calls spent waiting under the rate ceiling. */
  upstreamWaitMs: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** Work that outlives the request (a background sweep) is not the request's: its calls are not counted on it. */
export function outsideRequest<T>(fn: () => T): T {
  return storage.exit(fn);
}

/** The Anaplan client reports every upstream request, so the request log can count them and their waiting. */
onUpstreamCall((waitedMs) => {
  const context = storage.getStore();
  if (!context) return;
  context.upstreamCalls += 1;
  context.upstreamWaitMs += waitedMs;
});
