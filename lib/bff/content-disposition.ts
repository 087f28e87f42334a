/**
 * Download headers built from the export's own data, never copied from upstream.
 */
const MAX_NAME_LENGTH = 150;

const EXTENSIONS: Record<string, string> = {
  "text/csv": ".csv",
  "text/plain": ".txt",
  "text/tab-separated-values": ".txt",
  "application/vnd.ms-excel": ".xls",
};

/**
 * Removes what must never reach a header or a file system path: control and format characters (bidi overrides such
 * as U+202E turn `report\u202Ecsv.exe` into a name that reads `reportexe.csv`), line separators, quotes, slashes,
 * backslashes. The extension always follows the export's format, whatever the name ends with: `report.exe` from a
 * CSV export is saved as `report.csv`; with no known format the name keeps no extension.
 */
export function sanitizeFileName(name: string, exportFormat?: string): string {
  let clean = name
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, "")
    .replace(/["\\/:*?<>|]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "")
    .replace(/[. ]+$/, "");
  const extension = (exportFormat ? EXTENSIONS[baseType(exportFormat)] : undefined) ?? "";
  // An extension has a letter: "Revenue Q1.2024" keeps its ".2024".
  clean = clean.replace(/\.(?=[A-Za-z0-9]{0,4}[A-Za-z])[A-Za-z0-9]{1,5}$/, "").replace(/[. ]+$/, "");
  const room = MAX_NAME_LENGTH - extension.length;
  if ([...clean].length > room)
    clean = [...clean]
      .slice(0, room)
      .join("")
      .replace(/[. ]+$/, "");
  return `${clean || "export"}${extension}`;
}

/** RFC 6266: ASCII fallback `filename="…"` plus `filename*=UTF-8''…` when the name is not plain ASCII. */
export function contentDisposition(name: string, exportFormat?: string): string {
  const clean = sanitizeFileName(name, exportFormat);
  const ascii = clean.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  if (ascii === clean) return `attachment; filename="${ascii}"`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(clean)}`;
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function baseType(value: string): string {
  return (value.split(";")[0] ?? "").trim().toLowerCase();
}

/** Content-Type from the export's format; encodings other than a safe token fall back to UTF-8. */
export function downloadContentType(exportFormat: string | undefined, encoding?: string): string {
  const charset = encoding && /^[A-Za-z0-9._-]{1,40}$/.test(encoding) ? encoding.toLowerCase() : "utf-8";
  switch (baseType(exportFormat ?? "")) {
    case "text/csv":
      return `text/csv; charset=${charset}`;
    case "text/plain":
    case "text/tab-separated-values":
      return `text/plain; charset=${charset}`;
    case "application/vnd.ms-excel":
      return "application/vnd.ms-excel";
    default:
      return "application/octet-stream";
  }
}

/** When the export's format is unknown, guess it from the file name's extension. */
export function formatFromFileName(name: string): string | undefined {
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(name);
  switch (match?.[1]?.toLowerCase()) {
    case "csv":
      return "text/csv";
    case "txt":
    case "tsv":
      return "text/plain";
    case "xls":
      return "application/vnd.ms-excel";
    default:
      return undefined;
  }
}
