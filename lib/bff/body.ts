import type { z } from "zod";

/** JSON request bodies are small: a sign-in or a start request. */
export const MAX_BODY_BYTES = 16 * 1024;

export type BodyResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: 400 | 413; code: "INVALID_BODY" | "BODY_TOO_LARGE"; message: string };

const TOO_LARGE = { ok: false, status: 413, code: "BODY_TOO_LARGE", message: "The request body is too large." } as const;

/**
 * Reads at most MAX_BODY_BYTES (declared or streamed), parses JSON and checks it against a strict schema.
 * An empty body is read as `{}` when `allowEmpty`.
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
    let total = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > MAX_BODY_BYTES) {
          await reader.cancel().catch(() => undefined);
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

function invalid(message: string): BodyResult<never> {
  return { ok: false, status: 400, code: "INVALID_BODY", message };
}
