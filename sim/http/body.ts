/** Reading request bodies (JSON and form-encoded), with a size limit. */
import type { IncomingMessage } from "node:http";

const LIMIT = 1024 * 1024;

export class BodyError extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > LIMIT) throw new BodyError("request body too large");
    parts.push(buf);
  }
  return Buffer.concat(parts).toString("utf8");
}

/** Parses a JSON or application/x-www-form-urlencoded body into string fields. */
export async function readFields(req: IncomingMessage): Promise<Record<string, string>> {
  const text = await readBody(req);
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (type.includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BodyError("malformed JSON body");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new BodyError("body must be a JSON object");
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) if (typeof v === "string") fields[k] = v;
  return fields;
}

/** Parses a JSON body, undefined when empty. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError("malformed JSON body");
  }
}
