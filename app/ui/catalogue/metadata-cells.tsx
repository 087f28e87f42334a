"use client";

import useSWR from "swr";
import type { ExportDetailResponse } from "@/lib/shared/responses";
import { apiGet } from "@/lib/shared/api-client";
import { createLimiter } from "@/lib/shared/concurrency";
import { estimateExportBytes } from "@/lib/shared/export-size";
import { formatBytes, formatCount } from "@/lib/shared/format";

/** At most 4 metadata requests in flight from the catalogue: Anaplan's rate limit is shared by the whole tenant. */
const limit = createLimiter(4);
const fetchDetail = (key: string) => limit(() => apiGet<ExportDetailResponse>(key));

const cell = "px-3 py-2.5 text-right tabular-nums whitespace-nowrap";

/** Column count, estimated rows and size of one export, fetched only once its row has been on screen. */
export function MetadataCells({ detailKey, visible }: { detailKey: string; visible: boolean }) {
  const { data, error } = useSWR<ExportDetailResponse>(visible ? detailKey : null, fetchDetail, {
    revalidateOnFocus: false,
    revalidateIfStale: false,
    revalidateOnReconnect: false,
    shouldRetryOnError: false,
  });
  if (error) {
    return (
      <td
        colSpan={3}
        className={`${cell} hidden text-xs text-slate-500 md:table-cell dark:text-slate-400`}
        title={(error as Error).message}
      >
        unavailable
      </td>
    );
  }
  const meta = data?.exportMetadata;
  const bytes = estimateExportBytes(meta);
  const placeholder = (
    <span
      aria-hidden="true"
      className="inline-block h-3 w-10 animate-pulse rounded bg-slate-200 align-middle motion-reduce:animate-none dark:bg-slate-800"
    />
  );
  return (
    <>
      <td className={`${cell} hidden md:table-cell`}>
        {meta ? (meta.columnCount !== undefined ? formatCount(meta.columnCount) : "—") : placeholder}
      </td>
      <td className={`${cell} hidden md:table-cell`}>
        {meta ? (meta.rowCount !== undefined ? formatCount(meta.rowCount) : "—") : placeholder}
      </td>
      <td className={`${cell} hidden lg:table-cell`}>
        {meta ? (bytes !== undefined ? `≈ ${formatBytes(bytes)}` : "—") : placeholder}
      </td>
    </>
  );
}
