import type { ExportDefinition, ExportMetadata } from "@/lib/shared/types";
import { estimateExportBytes } from "@/lib/shared/export-size";
import { formatBytes, formatCount, formatLabel, layoutLabel } from "@/lib/shared/format";
import { humanize } from "@/lib/shared/task-state";

function showChar(c: string | undefined): string {
  if (c === undefined) return "—";
  if (c === "") return "none";
  if (c === "\t") return "tab (\\t)";
  if (c === ",") return "comma (,)";
  if (c === ";") return "semicolon (;)";
  if (c === '"') return 'double quote (")';
  return c;
}

/** The shape of an export before it runs: format, encoding, separators, size estimate, and each column with its type. */
export function ExportMetadataPanel({ meta, definition }: { meta: ExportMetadata; definition?: ExportDefinition }) {
  const headers = meta.headerNames ?? [];
  const columns = Math.max(headers.length, meta.dataTypes?.length ?? 0);
  const bytes = estimateExportBytes(meta);
  const facts: [string, string][] = [
    ["Format", formatLabel(meta.exportFormat ?? definition?.exportFormat)],
    ["Layout", layoutLabel(meta.layout ?? definition?.layout ?? definition?.exportType)],
    ["Encoding", meta.encoding ?? definition?.encoding ?? "—"],
    ["Separator", showChar(meta.separator)],
    ["Text delimiter", showChar(meta.delimiter)],
    ["Columns", meta.columnCount !== undefined ? formatCount(meta.columnCount, "en-US") : "—"],
    ["Rows (estimate)", meta.rowCount !== undefined ? formatCount(meta.rowCount, "en-US") : "—"],
    ["Size (estimate)", bytes !== undefined ? `≈ ${formatBytes(bytes, "en-US")}` : "—"],
  ];
  return (
    <section
      aria-labelledby="meta-heading"
      className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="meta-heading" className="text-base font-semibold">
        Export definition
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-4">
        {facts.map(([k, v]) => (
          <div key={k} className="min-w-0">
            <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">{k}</dt>
            <dd className="mt-0.5 truncate font-medium" title={v}>
              {v}
            </dd>
          </div>
        ))}
      </dl>
      {columns > 0 ? (
        <details className="group mt-5" open={columns <= 12}>
          <summary
            className={[
              "cursor-pointer rounded text-sm font-medium text-slate-800",
              "focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-slate-200",
            ].join(" ")}
          >
            Columns and data types ({columns})
          </summary>
          {/* Focusable so that a keyboard can scroll it where it overflows (a phone's width, a long list). */}
          <div
            tabIndex={0}
            role="region"
            aria-label="Columns and data types"
            className={[
              "mt-3 max-h-80 overflow-auto rounded-lg border border-slate-200 dark:border-slate-800",
              "focus-visible:outline-2 focus-visible:outline-sky-600",
            ].join(" ")}
          >
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">Columns of the export with their Anaplan data types</caption>
              <thead
                className={[
                  "sticky top-0 bg-slate-50 text-left text-xs tracking-wide text-slate-600",
                  "uppercase dark:bg-slate-800 dark:text-slate-300",
                ].join(" ")}
              >
                <tr>
                  <th scope="col" className="w-12 px-3 py-2 font-semibold">
                    #
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Column
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Data type
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    List
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {Array.from({ length: columns }, (_, i) => (
                  <tr key={i}>
                    <td className="px-3 py-1.5 text-slate-500 tabular-nums dark:text-slate-400">{i + 1}</td>
                    <th scope="row" className="px-3 py-1.5 text-left font-medium">
                      {headers[i] || <span className="text-slate-500 dark:text-slate-400">(unnamed)</span>}
                    </th>
                    <td className="px-3 py-1.5">{meta.dataTypes?.[i] ? humanize(meta.dataTypes[i]) : "—"}</td>
                    <td className="px-3 py-1.5 text-slate-600 dark:text-slate-400">{meta.listNames?.[i] || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </section>
  );
}
