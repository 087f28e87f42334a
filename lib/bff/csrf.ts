/**
 * CSRF defence for every state-changing request (POST, DELETE), sign-in included. Fail closed:
 * - `X-Export-Desk-CSRF: 1` must be present (a cross-site form or no-cors fetch cannot add it);
 * - `Origin` must equal APP_ORIGIN exactly (missing or "null" is refused; the expected value comes from config,
 *   never from Host / X-Forwarded-Host);
 * - `Sec-Fetch-Site`, when the browser sends it, must be `same-origin`;
 * - a body must be `application/json` (415 otherwise; text/plain, form and multipart are "simple" CSRF types).
 */
import "server-only";
import { getConfig } from "@/lib/config";
import { CSRF_HEADER } from "@/lib/shared/csrf-header";
import { apiError } from "./http-errors";
import { logEvent } from "@/lib/server/log";

export type CsrfVerdict =
  | { ok: true }
  | {
      ok: false;
      status: 403 | 415;
      code: "CSRF_REJECTED" | "UNSUPPORTED_MEDIA_TYPE";
      message: string;
      reason: "header" | "origin" | "fetch-site" | "content-type";
    };

const REJECTED_MESSAGE =
  "This request was refused because it did not come from Export Desk itself. Reload the page and try again.";
const rejected = (reason: "header" | "origin" | "fetch-site") =>
  ({ ok: false, status: 403, code: "CSRF_REJECTED", message: REJECTED_MESSAGE, reason }) as const;

/** The mutation guard every POST and DELETE passes first, sign-in and sign-out included: a refusal, or null. */
export function guardMutation(request: Request): Response | null {
  const verdict = checkCsrf(request.headers, getConfig().appOrigin, { requireJson: request.method === "POST" });
  if (verdict.ok) return null;
  logEvent("csrf_rejected", { reason: verdict.reason, method: request.method });
  return apiError(verdict.status, verdict.code, verdict.message);
}

export function checkCsrf(headers: Headers, appOrigin: string, options: { requireJson: boolean }): CsrfVerdict {
  if (headers.get(CSRF_HEADER) !== "1") return rejected("header");
  const origin = headers.get("origin");
  if (origin === null || origin !== appOrigin) return rejected("origin");
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return rejected("fetch-site");
  const hasBody = bodyPresent(headers);
  if ((options.requireJson || hasBody) && !isJsonContentType(headers.get("content-type"))) {
    return {
      ok: false,
      status: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: "Send the request body as JSON (Content-Type: application/json).",
      reason: "content-type",
    };
  }
  return { ok: true };
}

/** A declared length, chunked framing, or a declared content type all count as "has a body". */
function bodyPresent(headers: Headers): boolean {
  const length = headers.get("content-length");
  if (length !== null && length.trim() !== "" && length.trim() !== "0") return true;
  return headers.get("transfer-encoding") !== null || headers.get("content-type") !== null;
}

/** `application/json` with at most a UTF-8 charset parameter; the media type is compared case-insensitively. */
export function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const [type, ...params] = value.split(";");
  if (type?.trim().toLowerCase() !== "application/json") return false;
  for (const param of params) {
    const [key, raw] = param.split("=");
    const name = key?.trim().toLowerCase();
    if (!name) continue;
    if (name !== "charset") return false;
    const charset = raw?.trim().replace(/^"|"$/g, "").toLowerCase();
    if (charset !== "utf-8" && charset !== "utf8") return false;
  }
  return true;
}
