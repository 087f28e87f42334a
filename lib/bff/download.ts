import "server-only";
import { isAnaplanError } from "@/lib/anaplan/errors";
import { actorOf, ledgerScope } from "@/lib/data/team-ledger";
import { ledger } from "@/lib/ledger";
import type { ExportMetadata } from "@/lib/shared/types";
import { countBytes } from "./count-bytes";
import { contentDisposition, downloadContentType, formatFromFileName } from "./content-disposition";
import type { BffContext } from "./handler";
import { apiError, MESSAGES } from "./http-errors";

type DownloadContext = BffContext<"workspaceId" | "modelId" | "exportId", undefined>;

/**
 * Streams the export's latest output file (file id = export id) chunk by chunk. The name comes from the file
 * list, the type from the export's format; upstream headers are never copied.
 */
export async function downloadExportFile({ api, ids, session }: DownloadContext): Promise<Response> {
  const { workspaceId: w, modelId: m, exportId: e } = ids;
  const [files, metadata] = await Promise.all([
    api.files(w, m),
    api.exportMetadata(w, m, e).catch((error: unknown): ExportMetadata | null => {
      if (isAnaplanError(error) && (error.kind === "unauthorized" || error.kind === "aborted")) throw error;
      return null;
    }),
  ]);
  const file = files.find((f) => f.id === e);
  if (!file) return apiError(404, "FILE_NOT_AVAILABLE", MESSAGES.fileNotAvailable);

  const format = metadata?.exportFormat ?? formatFromFileName(file.name);
  let headers: Headers;
  try {
    headers = new Headers({
      "Content-Type": downloadContentType(format, metadata?.encoding ?? file.encoding),
      "Content-Disposition": contentDisposition(file.name, format),
    });
  } catch {
    return apiError(502, "BAD_UPSTREAM_RESPONSE", "The export's file name could not be used for a download.");
  }

  const { stream } = await api.downloadFile(w, m, e);
  const scope = ledgerScope(session, w, m);
  const downloadId = await ledger().recordDownloadStarted(scope, { exportId: e, by: actorOf(session), at: new Date() });
  // no-transform keeps Next's gzip (and any proxy) off the file: compressing gigabytes halved download throughput.
  headers.set("Cache-Control", "no-store, no-transform");
  const counted = countBytes(
    stream,
    (bytes, complete) => void ledger().recordDownloadFinished(downloadId, { bytes, complete }),
  );
  return new Response(counted, { status: 200, headers });
}
