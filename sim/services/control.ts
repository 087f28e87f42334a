/** The control API under /__sim/ (JSON; never logged, never faulted). */
import type { Ctx } from "../http/context";
import { BodyError, readJson } from "../http/body";
import { sendJson } from "../http/respond";
import { parseConfigPatch } from "../state/config";
import { parseFault } from "../state/faults";

function bad(ctx: Ctx, message: string): void {
  sendJson(ctx, 400, { error: message });
}

async function body(ctx: Ctx): Promise<unknown> {
  try {
    return (await readJson(ctx.req)) ?? {};
  } catch (e) {
    if (e instanceof BodyError) return e;
    throw e;
  }
}

export async function handleControl(ctx: Ctx, path: string): Promise<void> {
  const { state } = ctx;
  const route = `${ctx.method} ${path.replace(/\/$/, "")}`;
  switch (route) {
    case "GET /__sim/health":
      return sendJson(ctx, 200, { ok: true, now: state.clock.now() });
    case "POST /__sim/reset":
      state.reset();
      return sendJson(ctx, 200, { ok: true });
    case "GET /__sim/config":
      return sendJson(ctx, 200, { config: state.config });
    case "POST /__sim/config": {
      const input = await body(ctx);
      if (input instanceof BodyError) return bad(ctx, input.message);
      const parsed = parseConfigPatch(input);
      if ("error" in parsed) return bad(ctx, parsed.error);
      state.config = { ...state.config, ...parsed.patch };
      return sendJson(ctx, 200, { config: state.config });
    }
    case "POST /__sim/clock/advance": {
      const input = await body(ctx);
      if (input instanceof BodyError) return bad(ctx, input.message);
      const ms = (input as { ms?: unknown }).ms;
      if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) return bad(ctx, "ms must be a non-negative number");
      state.clock.advance(ms);
      return sendJson(ctx, 200, { now: state.clock.now() });
    }
    case "POST /__sim/faults": {
      const input = await body(ctx);
      if (input instanceof BodyError) return bad(ctx, input.message);
      const parsed = parseFault(input);
      if ("error" in parsed) return bad(ctx, parsed.error);
      state.faults.add(parsed.fault);
      return sendJson(ctx, 200, { ok: true, active: state.faults.count() });
    }
    case "DELETE /__sim/faults":
      state.faults.clear();
      return sendJson(ctx, 200, { ok: true });
    case "GET /__sim/requests":
      return sendJson(ctx, 200, { requests: state.log.list() });
    case "DELETE /__sim/requests":
      state.log.clear();
      return sendJson(ctx, 200, { ok: true });
    default:
      return sendJson(ctx, 404, { error: `unknown control endpoint: ${route}` });
  }
}
