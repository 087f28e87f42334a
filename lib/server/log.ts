/**
 * Security and upstream events as one JSON line each (ASVS 16.3). Only fixed event names, codes, kinds and
 * statuses are logged — never tokens, passwords, cookies, emails or upstream text.
 */
type Detail = string | number | boolean | undefined;

export function logEvent(event: string, details: Record<string, Detail> = {}): void {
  if (process.env.VITEST && process.env.EXPORT_DESK_LOG_IN_TESTS !== "1") return;
  const line: Record<string, Detail> = { source: "export-desk", event, time: new Date().toISOString() };
  for (const [key, value] of Object.entries(details)) if (value !== undefined) line[key] = value;
  console.warn(JSON.stringify(line));
}
