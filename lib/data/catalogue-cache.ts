import "server-only";
import { createHash } from "node:crypto";
import type { AnaplanApi } from "@/lib/anaplan/api";
import type { ExportsResponse } from "@/lib/shared/responses";
import type { ExportDefinition } from "@/lib/shared/types";
import { createTtlCache } from "./ttl-cache";

/**
 * A short per-user cache of a model's export list (the 5,000-export model's list is ~0.9 MB of JSON): the catalogue
 * page fills it, and the list endpoint the page's filter fetches right after, and lookups of one export's
 * definition, answer from it. Keyed by user + model, so nobody sees a list fetched with someone else's access.
 */
const CATALOGUE_TTL_MS = 60_000;
/** A page view answers from a list this old without reading it again; an older one is read again behind it. */
const PAGE_VIEW_REVALIDATE_AFTER_MS = 5_000;

const cache = createTtlCache<ExportDefinition[]>("catalogue", CATALOGUE_TTL_MS, 200);

const keyOf = (userKey: string, workspaceId: string, modelId: string) =>
  `${userKey}|${workspaceId}|${modelId.toUpperCase()}`;

export function cachedExports(
  api: AnaplanApi,
  userKey: string,
  workspaceId: string,
  modelId: string,
): Promise<ExportDefinition[]> {
  return cache.get(keyOf(userKey, workspaceId, modelId), () => api.exports(workspaceId, modelId));
}

/**
 * A page view answers at once from the list cached within the last minute (stale-while-revalidate); when that list
 * is more than a few seconds old it is read again behind the answer, and the next view and the list endpoint answer
 * with what was read. With nothing cached, the list is read now. A page view never waits on Anaplan for a list it
 * already has.
 */
export function exportsForPageView(
  api: AnaplanApi,
  userKey: string,
  workspaceId: string,
  modelId: string,
): Promise<ExportDefinition[]> {
  const key = keyOf(userKey, workspaceId, modelId);
  const age = cache.ageOf(key);
  const cached = age === undefined ? undefined : cache.peek(key);
  if (!cached) return cache.reload(key, readAgain(api, key, workspaceId, modelId));
  if (age! >= PAGE_VIEW_REVALIDATE_AFTER_MS)
    cache.reloadBehind(key, readAgain(api, key, workspaceId, modelId)).catch(() => undefined);
  // A cached read that fails (started by another of this user's sessions, its token expired) is not this answer.
  return cached.catch(() => cachedExports(api, userKey, workspaceId, modelId));
}

/** The list as Anaplan has it now; the cached array itself when nothing changed, so what is derived from it is kept. */
function readAgain(api: AnaplanApi, key: string, workspaceId: string, modelId: string) {
  return async (): Promise<ExportDefinition[]> => {
    const [previous, now] = await Promise.all([
      cache.peek(key)?.catch(() => undefined),
      api.exports(workspaceId, modelId),
    ]);
    return previous && sameExports(previous, now) ? previous : now;
  };
}

function sameExports(a: readonly ExportDefinition[], b: readonly ExportDefinition[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as unknown as Record<string, unknown>;
    const y = b[i] as unknown as Record<string, unknown>;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length || keys.some((k) => x[k] !== y[k])) return false;
  }
  return true;
}

/** A JSON body serialised once, with the strong validator of its bytes. */
export interface TaggedJson {
  body: string;
  etag: string;
}

const serialised = new WeakMap<readonly ExportDefinition[], TaggedJson>();

/** The list endpoint's body (`ExportsResponse`) and its ETag, built once per cached list, not per request. */
export function catalogueBody(exports: readonly ExportDefinition[]): TaggedJson {
  let tagged = serialised.get(exports);
  if (!tagged) {
    const body = JSON.stringify({ exports: exports as ExportDefinition[] } satisfies ExportsResponse);
    tagged = { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"` };
    serialised.set(exports, tagged);
  }
  return tagged;
}

/** The user's export list if it is cached now; never an upstream call. */
export function peekExports(
  userKey: string,
  workspaceId: string,
  modelId: string,
): Promise<ExportDefinition[]> | undefined {
  return cache.peek(keyOf(userKey, workspaceId, modelId));
}

export function resetCatalogueCacheForTests(): void {
  cache.clear();
}
