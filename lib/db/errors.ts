/**
 * A short, loggable name for a database failure: the PostgreSQL SQLSTATE or Node error code (ECONNREFUSED, 3D000…)
 * of the error or its causes. Drizzle wraps driver errors in "Failed query: …" whose text can quote parameters,
 * so only codes are ever logged, never messages, URLs or parameters.
 */
export function databaseErrorCode(error: unknown): string {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Za-z0-9_]{1,40}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return error instanceof Error && /^[A-Za-z]{1,40}$/.test(error.name) ? error.name : "unknown";
}
