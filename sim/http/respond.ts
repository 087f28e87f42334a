/** Writing responses, with the body faults (truncate, malformed JSON) applied in one place. */
import type { Ctx } from "./context";

const STATUS_TEXT: Record<number, string> = {
  200: "Success",
  201: "Created",
  204: "No Content",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  415: "Unsupported Media Type",
  422: "Unprocessable Entity",
  423: "Locked",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export const statusText = (status: number): string => STATUS_TEXT[status] ?? "Error";

/** Writes `body` honouring a pending truncate / malformed-json fault. */
export function sendRaw(
  ctx: Ctx,
  status: number,
  contentType: string,
  body: Buffer,
  headers: Record<string, string> = {},
): void {
  const { res } = ctx;
  if (ctx.effect === "malformed-json") {
    const broken = Buffer.from(
      body
        .subarray(0, Math.max(1, Math.floor(body.length / 2)))
        .toString("latin1")
        .replace(/[}\]]+$/, "") + ',"',
      "latin1",
    );
    res.writeHead(status, {
      ...headers,
      "Content-Type": "application/json;charset=UTF-8",
      "Content-Length": String(broken.length),
    });
    res.end(broken);
    return;
  }
  res.writeHead(status, { ...headers, "Content-Type": contentType, "Content-Length": String(body.length) });
  if (ctx.effect === "truncate") {
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.end(body);
}

export function sendJson(ctx: Ctx, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendRaw(ctx, status, "application/json;charset=UTF-8", Buffer.from(JSON.stringify(body), "utf8"), headers);
}

export function sendEmpty(ctx: Ctx, status: number, headers: Record<string, string> = {}): void {
  ctx.res.writeHead(status, headers);
  ctx.res.end();
}

/** Anaplan-style timestamp with nanosecond digits. */
export function anaplanTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000000Z");
}

/** The Integration API error envelope: {status:{code,message}, path, timestamp}. */
export function apiError(
  ctx: Ctx,
  status: number,
  message = statusText(status),
  headers: Record<string, string> = {},
): void {
  sendJson(
    ctx,
    status,
    { status: { code: status, message }, path: ctx.pathname, timestamp: anaplanTimestamp(ctx.state.clock.now()) },
    headers,
  );
}
