"use client";

import { parseDelimited } from "@/lib/shared/delimited";
import { decodePrefix, readPrefix } from "@/lib/shared/read-prefix";
import { handle, toApiError } from "@/lib/shared/api-client";

const PREVIEW_BYTES = 64 * 1024;
const PREVIEW_ROWS = 25;

export type FileProbe =
  | { status: "available"; size?: number; filename?: string; preview?: { rows: string[][]; truncated: boolean } }
  | { status: "unavailable"; message: string };

export interface PreviewFormat {
  previewable: boolean;
  encoding?: string;
  separator?: string;
  quote?: string;
}

function filenameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain form
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1];
}

/**
 * Asks the file route whether this user has a result file; for CSV and text results reads only the first
 * ~64 KB of the stream for a preview and cancels the rest (no Range header: the BFF streams from the start).
 */
export async function probeFile(url: string, format: PreviewFormat): Promise<FileProbe> {
  const res = await fetch(url, { cache: "no-store" });
  if (res.status === 401) return handle(res);
  if (res.status === 404) return { status: "unavailable", message: (await toApiError(res)).message };
  if (!res.ok) throw await toApiError(res);

  const length = Number(res.headers.get("content-length"));
  const base = {
    status: "available" as const,
    size: Number.isFinite(length) && length > 0 ? length : undefined,
    filename: filenameOf(res.headers.get("content-disposition")),
  };
  if (!res.body) return base;
  if (!format.previewable) {
    await res.body.cancel().catch(() => undefined);
    return base;
  }
  const prefix = await readPrefix(res.body, PREVIEW_BYTES);
  const text = decodePrefix(prefix, format.encoding);
  const parsed = parseDelimited(text, {
    separator: format.separator || undefined,
    quote: format.quote,
    maxRows: PREVIEW_ROWS + 1,
    complete: prefix.complete,
  });
  return { ...base, preview: parsed };
}
