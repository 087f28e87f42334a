import type { ExportMetadata } from "./types";

/** Rough bytes a cell of each Anaplan data type takes in a text export, separator included. */
const BYTES_PER_CELL: Record<string, number> = {
  NUMBER: 10,
  BOOLEAN: 6,
  DATE: 11,
  TIME_ENTITY: 9,
  ENTITY: 18,
  TEXT: 24,
};
const DEFAULT_CELL_BYTES = 12;

/**
 * An estimate of the file size from export metadata (rowCount is itself Anaplan's estimate).
 * Returns undefined when there is not enough to go on.
 */
export function estimateExportBytes(meta: ExportMetadata | undefined): number | undefined {
  if (!meta || meta.rowCount === undefined || meta.rowCount < 0) return undefined;
  const columns = meta.columnCount ?? meta.headerNames?.length;
  if (!columns) return undefined;
  let rowBytes = 0;
  for (let i = 0; i < columns; i++) {
    const type = meta.dataTypes?.[i];
    rowBytes += (type && BYTES_PER_CELL[type]) || DEFAULT_CELL_BYTES;
  }
  rowBytes += 1; // line break
  const header = (meta.headerNames ?? []).reduce((sum, h) => sum + h.length + 1, 0);
  return header + rowBytes * meta.rowCount;
}
