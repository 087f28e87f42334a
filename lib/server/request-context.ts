import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { onUpstreamCall } from "@/lib/anaplan/http";

interface RequestContext {
  requestId: string;
  upstreamCalls: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The Anaplan client reports every upstream request, so the request log can count them. */
onUpstreamCall(() => {
  const context = storage.getStore();
  if (context) context.upstreamCalls += 1;
});
