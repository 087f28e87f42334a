import type { z } from "zod";

/** JSON request bodies are small: a sign-in or a start request. */
export const MAX_BODY_BYTES = 16 * 1024;
/** A body not in within this time answers 408, so a slow sender cannot hold a connection (and a worker) for minutes. */
export const BODY_DEADLINE_MS = 10_000;

let deadlineMs = BODY_DEADLINE_MS;
/** Tests only: a short deadline, so the slow-body test takes milliseconds. */
export function setBodyDeadlineForTests(ms: number = BODY_DEADLINE_MS): void {
  deadlineMs = ms;
}

export type BodyResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: 400 | 408 | 413; code: "INVALID_BODY" | "BODY_TIMEOUT" | "BODY_TOO_LARGE"; message: string };

const TOO_LARGE = {
  ok: false,
  status: 413,
  code: "BODY_TOO_LARGE",
  message: "The request body is too large.",
} as const;
const TIMED_OUT = {
  ok: false,
  status: 408,
  code: "BODY_TIMEOUT",
  message: "The request body did not arrive in time. Check your connection and try again.",
} as const;

/**
 * Reads at most MAX_BODY_BYTES (declared or streamed) within the body deadline, parses JSON and checks it against
 * a strict schema. An empty body is read as `{}` when `allowEmpty`.
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { allowEmpty?: boolean } = {},
): Promise<BodyResult<z.infer<S>>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) return TOO_LARGE;

  let text = "";
  if (request.body) {
    const reader = request.body.getReader();
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const deadline = Date.now() + deadlineMs;
    let total = 0;
    try {
      for (;;) {
        const chunk = await beforeDeadline(reader.read(), deadline);
        if (chunk === "timeout") {
          // Not awaited: cancelling waits for the pending read, which waits for bytes that may never come.
          void reader.cancel().catch(() => undefined);
          return TIMED_OUT;
        }
        const { done, value } = chunk;
        if (done) break;
        total += value.byteLength;
        if (total > MAX_BODY_BYTES) {
          void reader.cancel().catch(() => undefined);
          return TOO_LARGE;
        }
        text += decoder.decode(value, { stream: true });
      }
      text += decoder.decode();
    } catch {
      return invalid("The request body could not be read as UTF-8 JSON.");
    }
  }

  if (text.trim() === "") {
    if (!options.allowEmpty) return invalid("The request body is empty; send JSON.");
    text = "{}";
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return invalid("The request body is not valid JSON.");
  }
  const result = schema.safeParse(parsed);
  if (!result.success) return invalid("The request body has missing, unexpected or invalid fields.");
  return { ok: true, value: result.data };
}

async function beforeDeadline<T>(read: Promise<T>, deadline: number): Promise<T | "timeout"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">(
    (resolve) => (timer = setTimeout(() => resolve("timeout"), Math.max(0, deadline - Date.now()))),
  );
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function invalid(message: string): BodyResult<never> {
  return { ok: false, status: 400, code: "INVALID_BODY", message };
}
