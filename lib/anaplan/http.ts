import "server-only";
import type { z } from "zod";
import { AnaplanError, errorForStatus, type Service } from "./errors";
import { decideRetry, isRetryableStatus, parseRetryAfter, type RetryPolicy } from "./retry";
import { isBackground, processRateLimiter, type RateKey } from "./rate-limit";
import { describeIssues } from "./schemas";

/**
 * The single place that talks HTTP to Anaplan: per-attempt timeout, caller abort, bounded retries, status →
 * error mapping and size-capped JSON reads. Nothing here logs, and no error carries upstream text or headers.
 */

export const DEFAULT_TIMEOUT_MS = 15_000;
/** JSON bodies above this are refused (a 5000-row page of exports is ~1.5 MB). */
export const MAX_JSON_BYTES = 8 * 1024 * 1024;
/** Error bodies are read only to classify them (OAuth `error`, auth `status`), never echoed. */
const MAX_ERROR_BODY_BYTES = 16 * 1024;

/**
 * - `idempotent`: GET (and DELETE, and the auth-service calls, which are safe to repeat): retried on 429, 502,
 *   503, 504, network errors and truncated bodies.
 * - `not-after-send`: a call that must not run twice (starting a task, spending an OAuth code or rotating
 *   refresh token). Retried only when Anaplan cannot have acted on it: the connection was never established
 *   (refused, DNS failure, connect timeout — no byte was sent) or Anaplan answered 429 (rejected unprocessed).
 */
export type RetryMode = "idempotent" | "not-after-send";

export interface HttpRequest {
  method: "GET" | "POST" | "DELETE";
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Whose ceiling the call counts against (rate-limit.ts); none for the auth services and file chunks. */
  rate?: RateKey;
  /** What was asked for, in words, for error messages ("the export list"). */
  what: string;
  service: Service;
  mode: RetryMode;
  /** Outcomes after the request may have reached Anaplan (timeout, reset, 5xx, unreadable 2xx) → `status_unknown`. */
  ambiguousIsUnknown?: boolean;
  /** 401 means wrong email/password rather than an expired token. */
  credentialsCall?: boolean;
  signal?: AbortSignal;
  timeoutMs: number;
  policy: RetryPolicy;
  /** Classify a non-2xx answer from its (small, parsed-if-JSON) body; return undefined for the default mapping. */
  mapError?: (status: number, body: unknown) => AnaplanError | undefined;
}

/** Codes undici reports when the connection was never made, so no byte of the request left this process. */
const PRE_CONNECT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

interface Failure {
  error: AnaplanError;
  retryable: boolean;
  retryAfterMs?: number;
}

/** Thrown by body consumers; classified in one place. */
export class BodyError extends Error {
  constructor(
    readonly reason: "truncated" | "malformed" | "too_large" | "schema",
    readonly detail?: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}

export function abortedError(what: string): AnaplanError {
  return new AnaplanError("aborted", `The request for ${what} was cancelled.`);
}

function timeoutError(what: string, timeoutMs: number): AnaplanError {
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  return new AnaplanError(
    "timeout",
    `Anaplan did not answer the request for ${what} within ${seconds} seconds; try again.`,
  );
}

function networkError(what: string, cause?: unknown): AnaplanError {
  return new AnaplanError("network", `Could not reach Anaplan for ${what}; check the connection and try again.`, {
    cause: safeCause(cause),
  });
}

function unknownError(what: string, status?: number): AnaplanError {
  return new AnaplanError(
    "status_unknown",
    `The request for ${what} may have reached Anaplan, but its outcome is unknown; check the task list before trying again.`,
    status === undefined ? {} : { status },
  );
}

function invalidError(what: string, detail?: string): AnaplanError {
  return new AnaplanError(
    "invalid_response",
    `Anaplan sent a response for ${what} that Export Desk cannot read${detail ? ` (${detail})` : ""}.`,
  );
}

/** Keep only the error code of a network failure as the cause: undici messages can include host names. */
function safeCause(cause: unknown): unknown {
  const code = errorCode(cause);
  return code ? { code } : undefined;
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const cause = (err as { cause?: unknown }).cause ?? err;
  if (typeof cause !== "object" || cause === null) return undefined;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === "string") return code;
  const errors = (cause as { errors?: unknown }).errors;
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const innerCode = (inner as { code?: unknown } | null)?.code;
      if (typeof innerCode === "string") return innerCode;
    }
  }
  return undefined;
}

export function sleep(ms: number, signal: AbortSignal | undefined, what: string): Promise<void> {
  if (ms <= 0 && !signal?.aborted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(what));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(what));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Runs the request with retries. `consume` reads a 2xx response (inside the attempt's timeout) and may throw
 * `BodyError`. Returns whatever `consume` returns.
 */
/**
 * The first attempt gets the full timeout; a retry gets only what is left of the budget (at least a second, at
 * most the timeout), so a call ends within about max(timeoutMs, budgetMs) + 1 s whatever happens.
 */
export function attemptTimeout(
  req: Pick<HttpRequest, "timeoutMs" | "policy">,
  attempt: number,
  elapsedMs: number,
): number {
  if (attempt <= 1) return req.timeoutMs;
  const floor = Math.min(req.timeoutMs, 1000);
  return Math.max(floor, Math.min(req.timeoutMs, req.policy.budgetMs - elapsedMs));
}

let upstreamCallListener: ((waitedMs: number) => void) | undefined;

/**
 * The client knows nothing of the app's HTTP layer: the request log listens here to count upstream calls and the
 * time they waited under the rate ceiling.
 */
export function onUpstreamCall(listener: ((waitedMs: number) => void) | undefined): void {
  upstreamCallListener = listener;
}

/** Waits for the call's turn under the ceiling; an abort while waiting is the caller's abort. */
async function awaitTurn(req: HttpRequest): Promise<number> {
  if (!req.rate) return 0;
  const key = isBackground() ? { ...req.rate, background: true } : req.rate;
  try {
    return await processRateLimiter().acquire(key, req.signal);
  } catch (error) {
    if (req.signal?.aborted) throw abortedError(req.what);
    throw error;
  }
}

export async function send<T>(
  req: HttpRequest,
  consume: (res: Response, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    if (req.signal?.aborted) throw abortedError(req.what);
    const waitedMs = await awaitTurn(req);
    const timeout = new AbortController();
    const attemptTimeoutMs = attemptTimeout(req, attempt, Date.now() - started);
    const timer = setTimeout(() => timeout.abort(), attemptTimeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout.signal]) : timeout.signal;
    let failure: Failure | undefined;
    try {
      let res: Response | undefined;
      upstreamCallListener?.(waitedMs);
      try {
        res = await fetch(req.url, {
          method: req.method,
          headers: req.headers,
          body: req.body,
          signal,
          redirect: "manual",
          cache: "no-store",
        });
      } catch (err) {
        failure = classifyThrown(err, req, timeout.signal, false);
      }
      if (res) {
        if (res.status >= 200 && res.status < 300) {
          try {
            return await consume(res, signal);
          } catch (err) {
            await res.body?.cancel().catch(() => undefined);
            failure =
              err instanceof AnaplanError
                ? { error: err, retryable: false }
                : classifyThrown(err, req, timeout.signal, true);
          }
        } else {
          failure = await classifyStatus(res, req, signal);
        }
      }
    } finally {
      clearTimeout(timer);
    }
    if (!failure) throw invalidError(req.what);
    if (!failure.retryable) throw failure.error;
    const decision = decideRetry({
      attempt,
      elapsedMs: Date.now() - started,
      policy: req.policy,
      retryAfterMs: failure.retryAfterMs,
    });
    if (!decision.retry) throw failure.error;
    await sleep(decision.delayMs, req.signal, req.what);
  }
}

function classifyThrown(err: unknown, req: HttpRequest, timeoutSignal: AbortSignal, afterHeaders: boolean): Failure {
  if (req.signal?.aborted) return { error: abortedError(req.what), retryable: false };
  const idempotent = req.mode === "idempotent";
  if (timeoutSignal.aborted) {
    if (!idempotent && req.ambiguousIsUnknown) return { error: unknownError(req.what), retryable: false };
    return { error: timeoutError(req.what, req.timeoutMs), retryable: idempotent };
  }
  if (err instanceof BodyError) {
    if (!idempotent && req.ambiguousIsUnknown) return { error: unknownError(req.what), retryable: false };
    const detail =
      err.reason === "too_large"
        ? "the response was too large"
        : err.reason === "truncated"
          ? "the response was cut off"
          : err.detail;
    // A truncated body is a transient network fault: worth another try. Malformed or mismatched bodies are not.
    return { error: invalidError(req.what, detail), retryable: idempotent && err.reason === "truncated" };
  }
  if (afterHeaders) {
    // The body failed to arrive (socket closed mid-body): the same as truncated.
    if (!idempotent && req.ambiguousIsUnknown) return { error: unknownError(req.what), retryable: false };
    return { error: invalidError(req.what, "the response was cut off"), retryable: idempotent };
  }
  const code = errorCode(err);
  const preConnect = code !== undefined && PRE_CONNECT_CODES.has(code);
  if (!idempotent && !preConnect) {
    // The request may have been sent: never repeat it.
    return { error: req.ambiguousIsUnknown ? unknownError(req.what) : networkError(req.what, err), retryable: false };
  }
  return { error: networkError(req.what, err), retryable: true };
}

async function classifyStatus(res: Response, req: HttpRequest, signal: AbortSignal): Promise<Failure> {
  const status = res.status;
  const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"));
  const body = await readErrorBody(res, signal);
  const custom = req.mapError?.(status, body);
  if (custom) return { error: custom, retryable: false };

  const idempotent = req.mode === "idempotent";
  const options: { service: Service; retryAfterMs?: number; credentialsCall?: boolean } = { service: req.service };
  if (retryAfterMs !== undefined) options.retryAfterMs = retryAfterMs;
  if (req.credentialsCall) options.credentialsCall = true;

  if (status === 429) {
    // 429 means Anaplan refused the request unprocessed, so even a non-idempotent call may be repeated.
    return {
      error: errorForStatus(status, req.what, options),
      retryable: true,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
  if (!idempotent && req.ambiguousIsUnknown && status >= 500) {
    return { error: unknownError(req.what, status), retryable: false };
  }
  const retryable = idempotent && isRetryableStatus(status);
  return {
    error: errorForStatus(status, req.what, options),
    retryable,
    ...(retryable && retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}

async function readErrorBody(res: Response, signal: AbortSignal): Promise<unknown> {
  try {
    const bytes = await readCapped(res, signal, MAX_ERROR_BODY_BYTES, false);
    if (bytes.length === 0) return undefined;
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    await res.body?.cancel().catch(() => undefined);
    return undefined;
  }
}

/** Reads the whole body, refusing more than `maxBytes` (throws BodyError("too_large") or, if `!strict`, truncates). */
async function readCapped(res: Response, signal: AbortSignal, maxBytes: number, strict: boolean): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      if (signal.aborted) throw new BodyError("truncated");
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (err) {
        throw new BodyError("truncated", undefined, { cause: safeCause(err) });
      }
      if (step.done) break;
      total += step.value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        if (strict) throw new BodyError("too_large");
        break;
      }
      parts.push(step.value);
    }
  } finally {
    reader.releaseLock();
  }
  const out = new Uint8Array(Math.min(total, maxBytes));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Reads and parses a JSON body against `schema`. */
export async function readJson<S extends z.ZodType>(
  res: Response,
  signal: AbortSignal,
  schema: S,
): Promise<z.output<S>> {
  const bytes = await readCapped(res, signal, MAX_JSON_BYTES, true);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder("utf-8", { fatal: false }).decode(bytes));
  } catch {
    throw new BodyError("malformed", "the response was not valid JSON");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new BodyError("schema", describeIssues(parsed.error));
  return parsed.data;
}

/** Like `readJson`, but an empty body (e.g. 204) yields `undefined`. */
export async function readJsonOrEmpty<S extends z.ZodType>(
  res: Response,
  signal: AbortSignal,
  schema: S,
): Promise<z.output<S> | undefined> {
  const bytes = await readCapped(res, signal, MAX_JSON_BYTES, true);
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === "") return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BodyError("malformed", "the response was not valid JSON");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new BodyError("schema", describeIssues(parsed.error));
  return parsed.data;
}

/** Sends a request and parses the 2xx JSON body with `schema`. */
export function requestJson<S extends z.ZodType>(req: HttpRequest, schema: S): Promise<z.output<S>> {
  return send(req, (res, signal) => readJson(res, signal, schema));
}

/** Sends a request whose 2xx body is ignored (e.g. logout's 204). */
export function requestEmpty(req: HttpRequest): Promise<void> {
  return send(req, async (res) => {
    await res.body?.cancel().catch(() => undefined);
  });
}

/**
 * Joins a configured base URL and path segments. Segments are encoded, and "." / ".." / empty segments are
 * refused, so a caller-supplied id can never leave the intended path (security plan T-E1).
 */
export function buildUrl(
  base: string,
  segments: readonly string[],
  query?: Record<string, string | number | undefined>,
): string {
  const encoded = segments.map((segment) => {
    if (segment === "" || segment === "." || segment === ".." || segment.length > 200) {
      throw new AnaplanError("bad_request", "An id in the request is not valid.");
    }
    return encodeURIComponent(segment);
  });
  const root = new URL(`${base.replace(/\/+$/, "")}/`);
  const url = new URL(encoded.join("/"), root);
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) {
    throw new AnaplanError("bad_request", "An id in the request is not valid.");
  }
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.href;
}
