/** The first rows of a CSV or text result; the first row is the header. */
export function FilePreview({ rows, truncated }: { rows: string[][]; truncated: boolean }) {
  const [header = [], ...body] = rows;
  if (header.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">The file is empty.</p>;
  const width = Math.max(header.length, ...body.map((r) => r.length));
  return (
    <div>
      <div
        className="max-h-96 overflow-auto rounded-lg border border-slate-200 dark:border-slate-800"
        tabIndex={0}
        role="region"
        aria-label="Preview of the result file"
      >
        <table className="w-full border-collapse text-xs">
          <caption className="sr-only">First {body.length} rows of the latest result</caption>
          <thead className="sticky top-0 bg-slate-50 dark:bg-slate-800">
            <tr>
              {Array.from({ length: width }, (_, i) => (
                <th
                  key={i}
                  scope="col"
                  className="border-b border-slate-200 px-2.5 py-1.5 text-left font-semibold whitespace-nowrap dark:border-slate-700"
                >
                  {header[i] ?? ""}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="font-mono">
            {body.map((row, r) => (
              <tr key={r} className="odd:bg-white even:bg-slate-50/60 dark:odd:bg-slate-900 dark:even:bg-slate-900/40">
                {Array.from({ length: width }, (_, i) => (
                  <td
                    key={i}
                    className="max-w-[24rem] truncate border-b border-slate-100 px-2.5 py-1 whitespace-nowrap dark:border-slate-800"
                  >
                    {row[i] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        Showing the first {body.length} {body.length === 1 ? "row" : "rows"}
        {truncated ? " — the preview reads only the start of the file." : "."}
      </p>
    </div>
  );
}
