import { describe, expect, it } from "vitest";
import * as exportsRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/route";
import { createAnaplanApi } from "@/lib/anaplan/api";
import { cachedExports, catalogueBody, freshExports } from "@/lib/data/catalogue-cache";
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

  it("a page view reads the list fresh and fills the cache the list endpoint answers from; an unchanged list keeps its ETag", async () => {
    const session = await unsealCookie(cookie);
    const api = createAnaplanApi({ token: session.token });
    const userKey = userKeyOf(session);
    const paged = await freshExports(api, userKey, W, M);
    expect(await cachedExports(api, userKey, W, M)).toBe(paged);
    const reread = await freshExports(api, userKey, W, M);
    expect(reread).toBe(paged);
    expect(catalogueBody(reread)).toBe(catalogueBody(paged));
    expect(await upstreamListCalls()).toBe(2);
    const changed = [...paged.slice(1)];
    expect(catalogueBody(changed).etag).not.toBe(catalogueBody(paged).etag);
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
