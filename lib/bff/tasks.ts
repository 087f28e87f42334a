import "server-only";
import { z } from "zod";
import { markExportActive } from "./activity";
import type { BffContext } from "./handler";
import { jsonOk } from "./http-errors";
import { LOCALE_PATTERN, localeFromAcceptLanguage } from "./locale";

export const startTaskBody = z
  .object({ localeName: z.string().regex(LOCALE_PATTERN).optional() })
  .strict();

type StartContext = BffContext<"workspaceId" | "modelId" | "exportId", z.infer<typeof startTaskBody>>;

/** Starts one export task. Never retried here or in the client once it may have reached Anaplan. */
export async function startExport({ api, ids, body, request }: StartContext): Promise<Response> {
  const localeName = body.localeName ?? localeFromAcceptLanguage(request.headers.get("accept-language"));
  const task = await api.startExportTask(ids.workspaceId, ids.modelId, ids.exportId, localeName);
  markExportActive(ids.workspaceId, ids.modelId, ids.exportId);
  return jsonOk({ task }, 201);
}
