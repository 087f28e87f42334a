/**
 * Random access into an export's generated file without materialising it. Fixed-width exports compute a row's offset
 * directly; others keep a sparse index (the byte offset of every 256th row), built once per export by measuring rows.
 */
import type { ExportDef } from "../seed/catalogue";
import { type RowFormat, rowFormat } from "./format";

const INDEX_STRIDE = 256;
const BATCH_BYTES = 64 * 1024;

export interface ContentSource {
  size: number;
  /** Bytes [start, end) in order, in pieces of up to ~64 KiB. */
  read(start: number, end: number): Generator<Buffer>;
}

class GeneratedContent implements ContentSource {
  readonly size: number;
  private readonly dataSize: number;
  private readonly index?: Float64Array;

  constructor(
    private readonly def: ExportDef,
    private readonly fmt: RowFormat,
  ) {
    if (def.fixedRowWidth) {
      this.dataSize = def.rowCount * def.fixedRowWidth;
    } else {
      const index = new Float64Array(Math.ceil(def.rowCount / INDEX_STRIDE) + 1);
      let offset = 0;
      for (let i = 0; i < def.rowCount; i++) {
        if (i % INDEX_STRIDE === 0) index[i / INDEX_STRIDE] = offset;
        offset += fmt.row(i).length;
      }
      this.index = index;
      this.dataSize = offset;
    }
    this.size = fmt.header.length + this.dataSize + fmt.footer.length;
  }

  /** First row whose bytes reach past data offset `rel`, and that row's start offset. */
  private locate(rel: number): { row: number; rowStart: number } {
    const width = this.def.fixedRowWidth;
    if (width) {
      const row = Math.floor(rel / width);
      return { row, rowStart: row * width };
    }
    const index = this.index as Float64Array;
    let lo = 0;
    let hi = Math.ceil(this.def.rowCount / INDEX_STRIDE) - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((index[mid] ?? 0) <= rel) lo = mid;
      else hi = mid - 1;
    }
    let row = lo * INDEX_STRIDE;
    let rowStart = index[lo] ?? 0;
    while (row < this.def.rowCount) {
      const len = this.fmt.row(row).length;
      if (rowStart + len > rel) break;
      rowStart += len;
      row += 1;
    }
    return { row, rowStart };
  }

  *read(start: number, end: number): Generator<Buffer> {
    const { header, footer } = this.fmt;
    end = Math.min(end, this.size);
    let pos = Math.max(0, start);
    if (pos < header.length && pos < end) {
      yield header.subarray(pos, Math.min(end, header.length));
      pos = Math.min(end, header.length);
    }
    const dataEnd = header.length + this.dataSize;
    if (pos < end && pos < dataEnd) {
      const rel = pos - header.length;
      const relEnd = Math.min(end, dataEnd) - header.length;
      let { row, rowStart } = this.locate(rel);
      let batch: Buffer[] = [];
      let batchSize = 0;
      while (rowStart < relEnd && row < this.def.rowCount) {
        const bytes = this.fmt.row(row);
        const from = Math.max(0, rel - rowStart);
        const to = Math.min(bytes.length, relEnd - rowStart);
        const piece = from === 0 && to === bytes.length ? bytes : bytes.subarray(from, to);
        batch.push(piece);
        batchSize += piece.length;
        if (batchSize >= BATCH_BYTES) {
          yield Buffer.concat(batch, batchSize);
          batch = [];
          batchSize = 0;
        }
        rowStart += bytes.length;
        row += 1;
      }
      if (batchSize > 0) yield Buffer.concat(batch, batchSize);
      pos = Math.min(end, dataEnd);
    }
    if (pos < end) {
      const f = pos - dataEnd;
      yield footer.subarray(f, f + (end - pos));
    }
  }
}

const cache = new Map<string, ContentSource>();

/** The generated content of an export (identical for every run; cached per export). */
export function contentOf(def: ExportDef): ContentSource {
  const key = `${def.modelId}/${def.id}`;
  let source = cache.get(key);
  if (!source) {
    source = new GeneratedContent(def, rowFormat(def));
    if (cache.size > 200) cache.clear();
    cache.set(key, source);
  }
  return source;
}
