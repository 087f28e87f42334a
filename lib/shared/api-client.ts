import type { ApiErrorBody } from "./types";
import { CSRF_HEADER } from "./csrf-header";
import { loginUrl } from "./return-to";
import { markSessionEnded } from "./session-ended";

/** A failed BFF call: the HTTP status and the BFF's error code and sentence. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Headers every state-changing request must carry. */
export function mutationHeaders(): Record<string, string> {
  return { [CSRF_HEADER]: "1", "Content-Type": "application/json", Accept: "application/json" };
}

export async function toApiError(res: Response): Promise<ApiError> {
  let code = `HTTP_${res.status}`;
  let message = defaultMessage(res.status);
  try {
    const body = (await res.json()) as Partial<ApiErrorBody>;
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) message = body.error.message;
  } catch {
    // Not JSON: keep the generic sentence.
  }
  return new ApiError(res.status, code, message);
}

function defaultMessage(status: number): string {
  if (status === 401) return "Your session has ended. Sign in to continue.";
  if (status === 403) return "You are not allowed to do that.";
  if (status === 404) return "Not found, or you have no access to it.";
  if (status === 429) return "Anaplan is busy with too many requests. Try again in a moment.";
  if (status >= 500) return "Anaplan could not be reached. Try again in a moment.";
  return "Something went wrong. Try again.";
}

/** Where "Sign in again" goes: the sign-in page, coming back to this very view afterwards. */
export function signInAgainUrl(): string {
  return loginUrl(window.location.pathname + window.location.search + window.location.hash, "expired");
}

/** A 401 from any BFF call means the session is over: the page says so and keeps what it shows. */
export async function handle<T>(res: Response): Promise<T> {
  if (res.ok) return (await res.json()) as T;
  if (res.status === 401) markSessionEnded();
  throw await toApiError(res);
}

/** SWR fetcher: GET a BFF path as JSON, throwing ApiError on anything but 2xx. */
export async function apiGet<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { Accept: "application/json" }, cache: "no-store" });
  return handle<T>(res);
}

/** POST or DELETE with the CSRF header and a JSON body (`{}` when there is nothing to send). */
export async function apiSend<T>(method: "POST" | "DELETE", path: string, body: unknown = {}): Promise<T> {
  const res = await fetch(path, { method, headers: mutationHeaders(), body: JSON.stringify(body) });
  return handle<T>(res);
}
