export interface ParseOptions {
  /** Field separator; guessed from the first line when omitted. */
  separator?: string;
  /** Quote character; `"` by default, "" for none. */
  quote?: string;
  /** Stop after this many rows (header included). */
  maxRows?: number;
  /** False when `text` is only the start of a file: the last, possibly cut, line is dropped. */
  complete?: boolean;
}

export interface ParseResult {
  rows: string[][];
  /** True when rows were left out (maxRows reached or the text was cut). */
  truncated: boolean;
}

/** Tab when the first line has more tabs than commas and semicolons, else the most frequent of `,` and `;`. */
export function guessSeparator(text: string): string {
  const end = text.search(/\r?\n/);
  const line = end === -1 ? text : text.slice(0, end);
  const count = (c: string) => line.split(c).length - 1;
  const tabs = count("\t");
  const commas = count(",");
  const semis = count(";");
  if (tabs > 0 && tabs >= commas && tabs >= semis) return "\t";
  return semis > commas ? ";" : ",";
}

/** A small RFC 4180 parser (quoted fields, doubled quotes, CRLF or LF) for previews. */
export function parseDelimited(text: string, options: ParseOptions = {}): ParseResult {
  const sep = options.separator || guessSeparator(text);
  const quote = options.quote ?? '"';
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const complete = options.complete ?? true;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  let i = 0;
  let endedCleanly = true;

  const pushRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = "";
  };

  while (i < source.length) {
    if (rows.length >= maxRows) return { rows, truncated: true };
    const ch = source[i]!;
    if (inQuotes) {
      if (ch === quote) {
        if (source[i + 1] === quote) {
          field += quote;
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (quote && ch === quote && field === "") {
      inQuotes = true;
      i++;
    } else if (source.startsWith(sep, i)) {
      row.push(field);
      field = "";
      i += sep.length;
    } else if (ch === "\n" || ch === "\r") {
      pushRow();
      i += ch === "\r" && source[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }

  const pending = field !== "" || row.length > 0 || inQuotes;
  if (pending) {
    if (complete && !inQuotes) pushRow();
    else endedCleanly = false;
  }
  if (rows.length > maxRows) return { rows: rows.slice(0, maxRows), truncated: true };
  return { rows, truncated: !complete || !endedCleanly };
}
