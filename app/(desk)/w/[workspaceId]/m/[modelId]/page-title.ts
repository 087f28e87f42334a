import "server-only";
import type { Metadata } from "next";
import { getPageSession, validPageIds } from "@/lib/dal";
import { cachedExports } from "@/lib/data/catalogue-cache";
import { loadModelContext } from "@/lib/data/model-context";

type Ids = { workspaceId: string; modelId: string; exportId?: string };

/**
 * Tab titles that name the thing: "<export> · <model>", "<section> · <model>" (the root template adds
 * "· Export Desk"). Both lookups are the per-user caches the page itself reads, so a title costs no extra call;
 * on any failure the title falls back to `section` alone.
 */
export async function modelPageTitle(params: Promise<Ids>, section?: string): Promise<Metadata> {
  const fallback = { title: section ?? "Model" };
  try {
    const { workspaceId: w, modelId: m, exportId: e } = await validPageIds(params);
    const session = await getPageSession();
    if (!session) return fallback;
    const [context, exports] = await Promise.all([
      loadModelContext(session.api, session.userKey, w, m),
      e ? cachedExports(session.api, session.userKey, w, m) : undefined,
    ]);
    if (!context) return fallback;
    const exportName = e ? exports?.find((x) => x.id === e)?.name : undefined;
    return { title: [section, exportName, context.model.name].filter(Boolean).join(" · ") };
  } catch {
    return fallback;
  }
}
