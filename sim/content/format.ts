/** Turning rows of cell values into bytes: CSV (RFC 4180 quoting), tab-separated text, or SpreadsheetML (.xls). */
import type { ExportDef } from "../seed/catalogue";
import { RowRng, seedOf } from "./prng";
import { cellValue, listMember } from "./values";

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const tsvField = (value: string): string => value.replace(/[\t\r\n]+/g, " ");

const xmlEscape = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function xmlRow(values: string[], types: string[]): string {
  const cells = values
    .map((v, i) => `<Cell><Data ss:Type="${types[i] === "NUMBER" ? "Number" : "String"}">${xmlEscape(v)}</Data></Cell>`)
    .join("");
  return `   <Row>${cells}</Row>\n`;
}

export interface RowFormat {
  header: Buffer;
  footer: Buffer;
  row(index: number): Buffer;
}

const isGrid = (def: ExportDef) => def.exportType.startsWith("GRID");

function rowValues(def: ExportDef, seed: number, index: number): string[] {
  const rng = new RowRng(seed, index);
  return def.columns.map((col, c) =>
    c === 0 && isGrid(def) ? listMember(col.list, index) : cellValue(col, index, rng),
  );
}

/** Pads (or cuts) the last field of an ASCII-tailed CSV row so the line is exactly `width` bytes. */
function fixedWidthLine(fields: string[], width: number): Buffer {
  const last = fields.pop() ?? "";
  const head = fields.length ? `${fields.map(csvField).join(",")},` : "";
  const room = width - 1 - Buffer.byteLength(head, "utf8");
  if (room < 1) throw new Error("fixedRowWidth too small for this export");
  const tail = last
    .replace(/[",\r\n]/g, " ")
    .slice(0, room)
    .padEnd(room, " ");
  return Buffer.from(`${head}${tail}\n`, "utf8");
}

export function rowFormat(def: ExportDef): RowFormat {
  const seed = seedOf(`${def.modelId}/${def.id}`);
  const headers = def.columns.map((c) => c.header);
  if (def.kind === "xls") {
    const sheet = xmlEscape(
      def.name
        .replace(/\.xls$/, "")
        .replace(/[[\]:*?/\\]/g, " ")
        .slice(0, 31),
    );
    const header =
      `<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n` +
      `<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n` +
      ` <Worksheet ss:Name="${sheet}">\n  <Table>\n` +
      xmlRow(
        headers,
        headers.map(() => "TEXT"),
      );
    const types = def.columns.map((c) => c.type);
    return {
      header: Buffer.from(header, "utf8"),
      footer: Buffer.from("  </Table>\n </Worksheet>\n</Workbook>\n", "utf8"),
      row: (i) => Buffer.from(xmlRow(rowValues(def, seed, i), types), "utf8"),
    };
  }
  if (def.kind === "txt") {
    return {
      header: Buffer.from(`${headers.map(tsvField).join("\t")}\n`, "utf8"),
      footer: Buffer.alloc(0),
      row: (i) => Buffer.from(`${rowValues(def, seed, i).map(tsvField).join("\t")}\n`, "utf8"),
    };
  }
  const width = def.fixedRowWidth;
  return {
    header: Buffer.from(`${headers.map(csvField).join(",")}\n`, "utf8"),
    footer: Buffer.alloc(0),
    row: width
      ? (i) => fixedWidthLine(rowValues(def, seed, i), width)
      : (i) => Buffer.from(`${rowValues(def, seed, i).map(csvField).join(",")}\n`, "utf8"),
  };
}
