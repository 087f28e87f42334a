import "server-only";

/**
 * The one error type the Anaplan client throws. `kind` is what callers branch on; `message` is a sentence a
 * person can act on. Messages never contain upstream body text, header values or tokens.
 */
export type AnaplanErrorKind =
  | "unauthorized"
  | "bad_credentials"
  | "bad_request"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "archived"
  | "locked"
  | "rate_limited"
  | "upstream_error"
  | "timeout"
  | "network"
  | "invalid_response"
  | "status_unknown"
  | "aborted";

export interface AnaplanErrorOptions {
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
}

export class AnaplanError extends Error {
  override name = "AnaplanError";
  readonly kind: AnaplanErrorKind;
  /** The HTTP status Anaplan answered with, when there was one. */
  readonly status?: number;
  /** How long Anaplan asked us to wait (from `Retry-After`), in milliseconds. */
  readonly retryAfterMs?: number;

  constructor(kind: AnaplanErrorKind, message: string, options: AnaplanErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

export function isAnaplanError(value: unknown): value is AnaplanError {
  return value instanceof AnaplanError;
}

/** Which Anaplan service answered; only changes the wording and the meaning of 401. */
export type Service = "api" | "auth" | "oauth";

/**
 * Maps a non-2xx HTTP status to an error. `what` names the thing asked for ("the export list") and is ours,
 * never upstream text.
 */
export function errorForStatus(
  status: number,
  what: string,
  options: { service?: Service; retryAfterMs?: number; credentialsCall?: boolean } = {},
): AnaplanError {
  const extra: AnaplanErrorOptions = { status };
  if (options.retryAfterMs !== undefined) extra.retryAfterMs = options.retryAfterMs;

  if (status >= 300 && status < 400) {
    return new AnaplanError(
      "upstream_error",
      `Anaplan answered ${what} with an unexpected redirect; check the Anaplan URLs in the configuration.`,
      extra,
    );
  }
  switch (status) {
    case 400:
    case 405:
    case 415:
      return new AnaplanError("bad_request", `Anaplan rejected the request for ${what} as invalid.`, extra);
    case 401:
      return options.credentialsCall
        ? new AnaplanError("bad_credentials", "Anaplan did not accept that email and password.", extra)
        : new AnaplanError("unauthorized", "The Anaplan session has expired or was revoked; sign in again.", extra);
    case 403:
      return new AnaplanError("forbidden", `You do not have permission in Anaplan for ${what}.`, extra);
    case 404:
      return new AnaplanError("not_found", `Anaplan could not find ${what}, or you do not have access to it.`, extra);
    case 409:
      return new AnaplanError(
        "conflict",
        `The model is busy in Anaplan (another action may be running); try ${what} again shortly.`,
        extra,
      );
    case 422:
      return new AnaplanError("archived", `The model is archived in Anaplan, so ${what} is not available.`, extra);
    case 423:
      return new AnaplanError(
        "locked",
        `The model is locked in Anaplan, so ${what} is not available right now.`,
        extra,
      );
    case 429:
      return new AnaplanError(
        "rate_limited",
        `Anaplan is limiting the rate of requests; wait${waitHint(options.retryAfterMs)} and try ${what} again.`,
        extra,
      );
    default:
      if (status >= 500) {
        return new AnaplanError(
          "upstream_error",
          `Anaplan had a problem answering ${what} (HTTP ${status}); try again shortly.`,
          extra,
        );
      }
      return new AnaplanError(
        "upstream_error",
        `Anaplan answered ${what} with an unexpected status (HTTP ${status}).`,
        extra,
      );
  }
}

function waitHint(retryAfterMs: number | undefined): string {
  if (retryAfterMs === undefined) return " a moment";
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return ` ${seconds} second${seconds === 1 ? "" : "s"}`;
}
