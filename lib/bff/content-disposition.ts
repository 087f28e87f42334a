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

/** Removes what must never reach a header or a file system path: control chars, quotes, slashes, backslashes. */
export function sanitizeFileName(name: string, exportFormat?: string): string {
  let clean = name
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "")
    .replace(/["\\/:*?<>|]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  if ([...clean].length > MAX_NAME_LENGTH) clean = [...clean].slice(0, MAX_NAME_LENGTH).join("").trim();
  if (!clean) clean = "export";
  const extension = exportFormat ? EXTENSIONS[baseType(exportFormat)] : undefined;
  if (extension && !/\.[A-Za-z0-9]{1,5}$/.test(clean)) clean += extension;
  return clean;
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
