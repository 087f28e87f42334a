export const dynamic = "force-dynamic";

/** Liveness only: answers without calling Anaplan. */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
