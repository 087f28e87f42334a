import "server-only";
import type { TaggedJson } from "@/lib/data/catalogue-cache";

/** Whether an `If-None-Match` header names `etag` (a list, `*`, or weak forms of it). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}

/**
 * A JSON answer the browser may keep but must revalidate every time (`private, no-cache`): 304 with no body when
 * it still holds these bytes, else the body (compressed by the server in front, like every answer).
 */
export function conditionalJson(request: Request, tagged: TaggedJson): Response {
  const headers = { ETag: tagged.etag, "Cache-Control": "private, no-cache" };
  if (matchesEtag(request.headers.get("if-none-match"), tagged.etag))
    return new Response(null, { status: 304, headers });
  return new Response(tagged.body, { status: 200, headers: { ...headers, "Content-Type": "application/json" } });
}
