/** The request log served by GET /__sim/requests. Never holds credentials. */
export type AuthScheme = "AnaplanAuthToken" | "Bearer" | "Basic" | "none" | "other";

export interface LoggedRequest {
  method: string;
  /** pathname + search */
  path: string;
  /** HTTP status sent; 0 when the connection was reset without a response. */
  status: number;
  authScheme: AuthScheme;
  cookie: boolean;
  /** ISO 8601 time on the simulated clock. */
  time: string;
  /** The user id behind the request's access token, when it was a live one (never the token itself). */
  userId?: string;
}

const MAX_ENTRIES = 10_000;

export function authSchemeOf(header: string | undefined): AuthScheme {
  if (!header) return "none";
  const scheme = header.trim().split(/\s+/)[0] ?? "";
  if (scheme === "AnaplanAuthToken" || scheme === "Bearer" || scheme === "Basic") return scheme;
  return "other";
}

/** The user id of a live `AnaplanAuthToken`/`Bearer` token, for the log. */
export function tokenUserOf(
  header: string | undefined,
  live: (token: string) => { userId: string } | undefined,
): string | undefined {
  const match = /^(AnaplanAuthToken|Bearer) +(\S+)\s*$/.exec(header ?? "");
  return match?.[2] ? live(match[2])?.userId : undefined;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
