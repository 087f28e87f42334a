import { describe, expect, it, vi } from "vitest";
import * as exportsRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/route";
import { createAnaplanApi } from "@/lib/anaplan/api";
import { cachedExports, catalogueBody, exportsForPageView, peekExports } from "@/lib/data/catalogue-cache";
import { matchesEtag } from "@/lib/bff/etag";
import type { ExportsResponse } from "@/lib/shared/responses";
import { userKeyOf } from "@/lib/session";
import { M, SEED, W, ctx, expectNoSentinel, req, signIn, unsealCookie } from "./helpers";
import { setUpStack } from "./stack";

let cookie: string;
const stack = setUpStack({ onSignIn: (value) => (cookie = value) });

const listPath = (model: string = M) => `/api/workspaces/${W}/models/${model}/exports`;
/** `who`: a session cookie, or null for none. */
const list = (headers: Record<string, string> = {}, who: string | null = cookie, model: string = M) =>
  exportsRoute.GET(
    req(listPath(model), { cookie: who ?? undefined, headers }),
    ctx({ workspaceId: W, modelId: model }),
  );
const LIST_UPSTREAM = `/models/${M}/exports$`;
const sessionApi = async () => {
  const session = await unsealCookie(cookie);
  return { api: createAnaplanApi({ token: session.token }), userKey: userKeyOf(session) };
};
const upstreamListCalls = async () =>
  (await stack.control.requests()).filter((r) => r.method === "GET" && /\/exports(\?|$)/.test(r.path)).length;

describe("the catalogue's list endpoint", () => {
  it("answers the whole list with an ETag the browser must revalidate, then 304 without a body or an upstream call", async () => {
    const first = await list();
    expect(first.status).toBe(200);
    await expectNoSentinel(first);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect(first.headers.get("content-type")).toBe("application/json");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    const body = (await first.json()) as ExportsResponse;
    expect(body.exports.find((e) => e.id === SEED.exports.revenueCsv)?.name).toBe("Revenue by Region - Data.csv");

    const again = await list({ "If-None-Match": etag! });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    // The same list, also named in a list or as a weak validator, is still "not modified".
    expect((await list({ "If-None-Match": `"other", W/${etag}` })).status).toBe(304);
    expect(await upstreamListCalls()).toBe(1);

    const stale = await list({ "If-None-Match": '"an-older-list"' });
    expect(stale.status).toBe(200);
    expect(((await stale.json()) as ExportsResponse).exports).toHaveLength(body.exports.length);
  });

  it("keeps the gate: signed out is a 401, a malformed id a 400, a model without access a 404 — all before any upstream call", async () => {
    const signedOut = await list({}, null);
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toEqual({
      error: { code: "UNAUTHENTICATED", message: "You are not signed in, or your session has ended. Sign in again." },
    });
    const bad = await list({}, cookie, "NOTANID");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/invalid .*model/);
    expect(await upstreamListCalls()).toBe(0);

    const bruno = await signIn("bruno");
    const denied = await list({}, bruno, SEED.models.restricted);
    expect(denied.status).toBe(404);
    expect(denied.headers.get("etag")).toBeNull();
    expect(denied.headers.get("cache-control")).toBe("no-store");
  });

  it("a page view reads a list it does not have, and the list endpoint answers from it; an unchanged list keeps its ETag", async () => {
    const { api, userKey } = await sessionApi();
    const paged = await exportsForPageView(api, userKey, W, M);
    expect(await cachedExports(api, userKey, W, M)).toBe(paged);
    expect(await upstreamListCalls()).toBe(1);
    const changed = [...paged.slice(1)];
    expect(catalogueBody(changed).etag).not.toBe(catalogueBody(paged).etag);
  });

  it("a page view answers from the cached list at once, reads it again behind once it is 5 s old, drops it if refused", async () => {
    const { api, userKey } = await sessionApi();
    const paged = await exportsForPageView(api, userKey, W, M);
    expect(await exportsForPageView(api, userKey, W, M)).toBe(paged);
    expect(await upstreamListCalls()).toBe(1);

    const realNow = Date.now;
    const later = (ms: number) => vi.spyOn(Date, "now").mockImplementation(() => realNow() + ms);
    try {
      later(6_000);
      await stack.control.injectFault({ method: "GET", path: LIST_UPSTREAM, times: 1, mode: "delay", delayMs: 800 });
      expect(await exportsForPageView(api, userKey, W, M)).toBe(paged);
      // Answered while Anaplan is still being asked (the simulator logs a request when it has answered it).
      expect(await upstreamListCalls()).toBe(1);
      await vi.waitFor(async () => expect(await upstreamListCalls()).toBe(2), { timeout: 5_000 });
      // The list read again is the one kept (unchanged, so the same array and ETag) and counts as new.
      await vi.waitFor(() => expect(peekExports(userKey, W, M)).toBeDefined());
      expect(await exportsForPageView(api, userKey, W, M)).toBe(paged);
      expect(await upstreamListCalls()).toBe(2);

      // Access removed: the view still shows the list it had, and the refused read drops it for the next one.
      later(12_000);
      await stack.control.injectFault({ method: "GET", path: LIST_UPSTREAM, times: 1, status: 403 });
      expect(await exportsForPageView(api, userKey, W, M)).toBe(paged);
      await vi.waitFor(() => expect(peekExports(userKey, W, M)).toBeUndefined(), { timeout: 5_000 });
      await stack.control.injectFault({ method: "GET", path: LIST_UPSTREAM, times: 1, status: 403 });
      await expect(exportsForPageView(api, userKey, W, M)).rejects.toMatchObject({ kind: "forbidden" });
      expect(await upstreamListCalls()).toBe(4);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe("If-None-Match", () => {
  it("matches exact, listed, weak and * validators, nothing else", () => {
    expect(matchesEtag('"a"', '"a"')).toBe(true);
    expect(matchesEtag('"b", "a"', '"a"')).toBe(true);
    expect(matchesEtag('W/"a"', '"a"')).toBe(true);
    expect(matchesEtag("*", '"a"')).toBe(true);
    expect(matchesEtag('"ab"', '"a"')).toBe(false);
    expect(matchesEtag(null, '"a"')).toBe(false);
  });
});
