import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

interface RequestContext {
  requestId: string;
  upstreamCalls: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** Called by the Anaplan client for every upstream request, so the request log can count them. */
export function countUpstreamCall(): void {
  const context = storage.getStore();
  if (context) context.upstreamCalls += 1;
}
