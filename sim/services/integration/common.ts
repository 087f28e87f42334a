/** Shared pieces of the Integration API: authentication, envelopes, paging, sorting and model access checks. */
import type { Ctx } from "../../http/context";
import type { Params } from "../../http/router";
import { apiError, sendJson } from "../../http/respond";
import {
  findModel,
  findUserById,
  findWorkspace,
  modelAccess,
  type SeedModel,
  type SeedUser,
} from "../../seed/directory";
import { MAX_PAGE } from "../../state/config";

export type Handler = (ctx: Ctx, user: SeedUser, params: Params) => void | Promise<void>;

export const SCHEMA_BASE = "https://api.anaplan.com/2/0";

/** The user behind `Authorization: AnaplanAuthToken|Bearer <token>`; answers 401 itself otherwise. */
export function authenticate(ctx: Ctx): SeedUser | undefined {
  const match = /^(AnaplanAuthToken|Bearer) +(\S+)\s*$/.exec(ctx.req.headers.authorization ?? "");
  const token = match?.[2] ? ctx.state.tokens.live(match[2], ctx.state.clock.now()) : undefined;
  const user = token ? findUserById(token.userId) : undefined;
  if (!user) {
    apiError(ctx, 401, "Unauthorized");
    return undefined;
  }
  return user;
}

export const ok = { code: 200, message: "Success" } as const;

export interface Paging {
  currentPageSize: number;
  offset: number;
  totalSize: number;
  next?: string;
  previous?: string;
}

function intParam(ctx: Ctx, name: string): number | undefined | "bad" {
  const raw = ctx.url.searchParams.get(name);
  if (raw === null || raw === "") return undefined;
  if (!/^\d+$/.test(raw)) return "bad";
  return Number(raw);
}

/** Applies offset/limit; answers 400 itself on bad values. Emits `next` even on the last page (Anaplan quirk). */
export function paginate<T>(ctx: Ctx, items: T[]): { page: T[]; paging: Paging } | undefined {
  const offset = intParam(ctx, "offset");
  const limit = intParam(ctx, "limit");
  if (offset === "bad" || limit === "bad" || limit === 0) {
    apiError(ctx, 400, "Invalid paging parameters: offset and limit must be non-negative integers (limit ≥ 1).");
    return undefined;
  }
  const start = offset ?? 0;
  const size = Math.min(limit ?? MAX_PAGE, MAX_PAGE, ctx.state.config.pageSizeCap);
  const page = items.slice(start, start + size);
  const paging: Paging = { currentPageSize: page.length, offset: start, totalSize: items.length };
  const link = (at: number) => {
    const url = new URL(ctx.url.pathname + ctx.url.search, ctx.origin);
    url.searchParams.set("limit", String(size));
    url.searchParams.set("offset", String(at));
    return url.toString();
  };
  if (items.length > 0 && (ctx.state.config.nextOnLastPage || start + page.length < items.length))
    paging.next = link(start + size);
  if (start > 0) paging.previous = link(Math.max(0, start - size));
  return { page, paging };
}

/** A paged list envelope; the collection key is omitted when the page is empty. */
export function sendList<T>(ctx: Ctx, schema: string, key: string, items: T[]): void {
  const result = paginate(ctx, items);
  if (!result) return;
  const body: Record<string, unknown> = {
    meta: { paging: result.paging, schema: `${SCHEMA_BASE}${schema}` },
    status: ok,
  };
  if (result.page.length > 0) body[key] = result.page;
  sendJson(ctx, 200, body);
}

export function sendOne(ctx: Ctx, schema: string, key: string, value: unknown): void {
  sendJson(ctx, 200, { meta: { schema: `${SCHEMA_BASE}${schema}` }, status: ok, [key]: value });
}

/** Sort for model resources: optional +/- prefix, `id`/`name` re-order, unknown fields keep the default order. */
export function sortResources<T extends { id: string; name: string }>(ctx: Ctx, items: T[]): T[] {
  const raw = ctx.url.searchParams.get("sort");
  if (!raw) return items;
  const m = /^([+ -]?)(\w+)$/.exec(raw);
  if (!m || (m[2] !== "id" && m[2] !== "name")) return items;
  const field = m[2] as "id" | "name";
  const dir = m[1] === "-" ? -1 : 1;
  return [...items].sort((a, b) => dir * a[field].localeCompare(b[field]));
}

/**
 * Sort for /models and /workspaces: the +/- prefix is mandatory and the field is validated (400 otherwise).
 * A "+" sent unencoded arrives as a space and is accepted as "+".
 */
export function sortStrict<T>(
  ctx: Ctx,
  items: T[],
  fields: Record<string, (x: T) => string | number>,
): T[] | undefined {
  const raw = ctx.url.searchParams.get("sort");
  if (raw === null) return items;
  const m = /^([+ -])(\w+)$/.exec(raw);
  if (!m) {
    apiError(ctx, 400, `Bad sort order format: ${raw}`);
    return undefined;
  }
  const get = fields[m[2] ?? ""];
  if (!get) {
    apiError(ctx, 400, "Failed to parse sort parameter");
    return undefined;
  }
  const dir = m[1] === "-" ? -1 : 1;
  return [...items].sort((a, b) => {
    const x = get(a);
    const y = get(b);
    return dir * (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y)));
  });
}

/**
 * Resolves the model of a model-scoped sub-resource: 404 when unknown, invisible to the user, outside the workspace
 * of the path, or when the user has the NO ACCESS role (Anaplan masks it as 404, never 403).
 */
export function modelForSubresource(ctx: Ctx, user: SeedUser, params: Params): SeedModel | undefined {
  const model = findModel(params.m ?? "");
  const wsOk =
    params.ws === undefined ||
    (model !== undefined && model.workspaceId === params.ws && findWorkspace(params.ws) !== undefined);
  if (!model || !wsOk || modelAccess(user, model) !== "full") {
    apiError(ctx, 404);
    return undefined;
  }
  return model;
}
