import "server-only";
import { NextResponse } from "next/server";
import { isAnaplanError, type AnaplanError } from "@/lib/anaplan/errors";
import type { ApiErrorBody } from "@/lib/shared/types";
import { logEvent } from "@/lib/server/log";

/**
 * The one place that turns failures into HTTP answers. Bodies are always `{error: {code, message}}` with a
 * sentence a person can act on; nothing from an upstream body, header or stack is ever passed through.
 */

/** Headers every API response carries (plus whatever the route adds). */
export const API_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Cross-Origin-Resource-Policy": "same-origin",
  // JSON and downloads render nothing: the strictest policy, also where no front server adds one (Vercel).
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
});

const API_HEADER_LIST = Object.entries(API_HEADERS);
/** Answers built here already carry the API headers: route() does not set them a second time. */
const builtWithApiHeaders = new WeakSet<Response>();

/**
 * Sets the API headers (once per answer, in lib/bff/handler.ts); a route's own Cache-Control is kept: the stricter
 * `no-store, no-transform` of downloads, and `private, no-cache` of answers validated by ETag (lib/bff/etag.ts).
 */
export function withApiHeaders<T extends Response>(response: T): T {
  if (builtWithApiHeaders.has(response)) return response;
  for (const [name, value] of API_HEADER_LIST) {
    if (name === "Cache-Control" && /^(no-store|private, no-cache)/.test(response.headers.get(name) ?? "")) continue;
    response.headers.set(name, value);
  }
  return response;
}

export function jsonOk(body: unknown, status = 200): Response {
  return json(jsonText(body), status);
}

function json(text: string, status: number): Response {
  const response = new Response(text, {
    status,
    headers: [["Content-Type", "application/json"], ...API_HEADER_LIST],
  });
  builtWithApiHeaders.add(response);
  return response;
}

/** Cached answers are frozen (lib/data) and serialised once per cache entry, not once per request. */
const serialised = new WeakMap<object, string>();
function jsonText(body: unknown): string {
  if (body === null || typeof body !== "object" || !Object.isFrozen(body)) return JSON.stringify(body);
  let text = serialised.get(body);
  if (text === undefined) serialised.set(body, (text = JSON.stringify(body)));
  return text;
}

export function apiError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): NextResponse {
  const body: ApiErrorBody = { error: { code, message } };
  const response = NextResponse.json(body, { status });
  if (headers) for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const MESSAGES = {
  unauthenticated: "You are not signed in, or your session has ended. Sign in again.",
  notFound: "This model or export does not exist, or you have no access to it.",
  fileNotAvailable:
    "There is no file to download for this export yet. Export files are private to whoever ran the export last " +
    "and expire 48 hours after last use; run the export yourself to produce your copy.",
  statusUnknown:
    "We could not confirm whether Anaplan started the export. Check the task list before trying again, so the export does not run twice.",
  authUnavailable:
    "Anaplan's sign-in service cannot be reached right now. You are still signed in; try again in a moment.",
} as const;

export function unauthenticated(): NextResponse {
  return apiError(401, "UNAUTHENTICATED", MESSAGES.unauthenticated);
}

export type ErrorContext =
  /** A non-idempotent start: ambiguous outcomes are reported as STATUS_UNKNOWN. */
  | "startTask"
  /** File download: 404 means no file for this user yet. */
  | "download"
  /** Basic sign-in: wrong credentials vs an unreachable sign-in service. */
  | "signIn"
  | "default";

/** Seconds for Retry-After: a sanitised integer between 1 and 120. */
export function retryAfterSeconds(ms: number | undefined, fallback = 5): number {
  if (ms === undefined || !Number.isFinite(ms)) return fallback;
  return Math.min(120, Math.max(1, Math.ceil(ms / 1000)));
}

export function errorFromAnaplan(error: AnaplanError, context: ErrorContext = "default"): NextResponse {
  if (
    ["upstream_error", "timeout", "network", "invalid_response", "status_unknown", "rate_limited"].includes(error.kind)
  ) {
    logEvent("upstream_fault", { kind: error.kind, status: error.status, context });
  }
  if (context === "signIn") {
    switch (error.kind) {
      case "bad_credentials":
      case "unauthorized":
      case "forbidden":
        return apiError(
          401,
          "BAD_CREDENTIALS",
          "Anaplan did not accept that email and password. Check them and try again.",
        );
      case "network":
        return apiError(
          503,
          "ANAPLAN_UNREACHABLE",
          "Anaplan's sign-in service cannot be reached right now. Try again in a moment.",
        );
      case "timeout":
        return apiError(
          504,
          "ANAPLAN_TIMEOUT",
          "Anaplan's sign-in service did not answer in time. Try again in a moment.",
        );
      case "upstream_error":
      case "invalid_response":
      case "status_unknown":
        return apiError(
          502,
          "ANAPLAN_SIGN_IN_FAILED",
          "Anaplan's sign-in service had a problem. Try again in a moment.",
        );
      default:
        break;
    }
  }
  if (context === "startTask") {
    switch (error.kind) {
      case "status_unknown":
      case "timeout":
      case "upstream_error":
      case "invalid_response":
        return apiError(502, "STATUS_UNKNOWN", MESSAGES.statusUnknown);
      default:
        break;
    }
  }
  switch (error.kind) {
    case "unauthorized":
      return unauthenticated();
    case "bad_credentials":
      return apiError(
        401,
        "BAD_CREDENTIALS",
        "Anaplan did not accept that email and password. Check them and try again.",
      );
    case "bad_request":
      return apiError(400, "UPSTREAM_BAD_REQUEST", "Anaplan rejected this request as invalid.");
    case "forbidden":
      return apiError(403, "FORBIDDEN", "You do not have permission in Anaplan for this model or export.");
    case "not_found":
      return context === "download"
        ? apiError(404, "FILE_NOT_AVAILABLE", MESSAGES.fileNotAvailable)
        : apiError(404, "NOT_FOUND", MESSAGES.notFound);
    case "conflict":
      return apiError(
        409,
        "MODEL_BUSY",
        "The model is busy with another import, export or process in Anaplan. Try again shortly.",
        {
          "Retry-After": String(retryAfterSeconds(error.retryAfterMs)),
        },
      );
    case "locked":
      return apiError(409, "MODEL_LOCKED", "The model is locked in Anaplan right now. Try again when it is unlocked.");
    case "archived":
      return apiError(422, "MODEL_ARCHIVED", "The model is archived in Anaplan, so its exports cannot be used.");
    case "rate_limited":
      return apiError(
        429,
        "RATE_LIMITED",
        "Anaplan is limiting the rate of requests for your team. Wait a few seconds and try again.",
        {
          "Retry-After": String(retryAfterSeconds(error.retryAfterMs)),
        },
      );
    case "timeout":
      return apiError(504, "UPSTREAM_TIMEOUT", "Anaplan took too long to answer. Try again in a moment.");
    case "network":
      return apiError(502, "UPSTREAM_UNREACHABLE", "Anaplan cannot be reached right now. Try again in a moment.");
    case "invalid_response":
      return apiError(
        502,
        "BAD_UPSTREAM_RESPONSE",
        "Anaplan sent an answer Export Desk could not understand. Try again in a moment.",
      );
    case "status_unknown":
      return apiError(502, "STATUS_UNKNOWN", MESSAGES.statusUnknown);
    case "aborted":
      return apiError(499, "CLIENT_CLOSED", "The request was cancelled.");
    case "upstream_error":
    default:
      if (error.status === 503) {
        return apiError(503, "UPSTREAM_UNAVAILABLE", "Anaplan is temporarily unavailable. Try again in a moment.", {
          "Retry-After": String(retryAfterSeconds(error.retryAfterMs)),
        });
      }
      return apiError(502, "UPSTREAM_ERROR", "Anaplan had a problem answering. Try again in a moment.");
  }
}

/** Anything else: a generic 500 that reveals nothing. Logged by kind only, never with values. */
export function errorFromUnknown(error: unknown, context: ErrorContext = "default"): NextResponse {
  if (isAnaplanError(error)) return errorFromAnaplan(error, context);
  logEvent("internal_error", { name: error instanceof Error ? error.name : typeof error });
  return apiError(
    500,
    "INTERNAL",
    "Something went wrong in Export Desk. Try again, and tell your administrator if it keeps happening.",
  );
}
