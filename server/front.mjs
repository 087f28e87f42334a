// The front of the standalone server: what must happen before Next.js sees a request, and on answers Next.js never
// gives. Installed by server/start.mjs around the HTTP server that .next/standalone/server.js creates.
import headersModule from "./security-headers.cjs";

const { securityHeaders, hsts, fallbackCsp } = headersModule;

/** The app reads the socket address from this header; any copy a client sends is removed first. */
export const CLIENT_ADDRESS_HEADER = "x-export-desk-client-address";
/** Tells the app (same process) that the header above was stamped here and can be trusted. */
const FRONT_MARK = Symbol.for("export-desk.front");
export const SERVED_METHODS = ["GET", "HEAD", "POST", "DELETE"];
/** Bodies here are small JSON: a request not fully received in this time gets Node's 408 (the app's own is 10 s). */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * @param {{ appOrigin?: string }} options
 * @returns {(req: import("node:http").IncomingMessage) => Array<[string, string]>}
 */
export function securityHeadersFor({ appOrigin } = {}) {
  const base = [...securityHeaders.map(({ key, value }) => [key, value]), ["Content-Security-Policy", fallbackCsp]];
  const httpsOrigin = typeof appOrigin === "string" && appOrigin.startsWith("https://");
  return (req) => {
    const viaHttps = httpsOrigin || /(^|,)\s*https\s*(,|$)/i.test(String(req?.headers?.["x-forwarded-proto"] ?? ""));
    return viaHttps ? [...base, [hsts.key, hsts.value]] : base;
  };
}

/**
 * Wraps Next's request listener: security headers set first (Next's own headers of the same name replace them),
 * methods the app does not serve answered 405 here (Next would raise and log a stack for TRACE), the client's socket
 * address stamped, and a connection whose answer went out before its body arrived closed, not kept alive.
 * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown} listener
 * @param {{ appOrigin?: string }} [options]
 */
export function frontListener(listener, options = {}) {
  const headersFor = securityHeadersFor(options);
  return (req, res) => {
    for (const [name, value] of headersFor(req)) res.setHeader(name, value);
    if (!SERVED_METHODS.includes(req.method ?? "")) return refuse(req, res);
    delete req.headers[CLIENT_ADDRESS_HEADER];
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
    res.once("finish", () => {
      if (!req.complete) req.socket?.end();
    });
    return listener(req, res);
  };
}

function refuse(req, res) {
  const body = JSON.stringify({
    error: { code: "METHOD_NOT_ALLOWED", message: "Export Desk does not answer this method." },
  });
  res.writeHead(405, {
    Allow: SERVED_METHODS.join(", "),
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    Connection: "close",
  });
  res.end(req.method === "HEAD" ? undefined : body);
  req.resume();
}

const CLIENT_ERROR_STATUS = {
  HPE_INVALID_METHOD: [405, "Method Not Allowed"],
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large"],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout"],
};

/**
 * Requests Node's parser refuses never reach a listener (an unknown method such as TRACK, oversized headers): the
 * answer is written here, with the same security headers, instead of Node's bare 400.
 * @param {import("node:http").Server} server
 * @param {{ appOrigin?: string }} [options]
 */
export function installFront(server, options = {}) {
  const headersFor = securityHeadersFor(options);
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  // Idle connections outlive a load balancer's (commonly 60 s) and any client's own idle limit, so a client never
  // sends on a socket the server is closing (ECONNRESET). KEEP_ALIVE_TIMEOUT, which Next reads, still overrides it.
  server.keepAliveTimeout = 65_000;
  server.on("clientError", (error, socket) => {
    if (error.code === "ECONNRESET" || !socket.writable) return socket.destroy();
    const [status, reason] = CLIENT_ERROR_STATUS[error.code] ?? [400, "Bad Request"];
    const lines = [
      `HTTP/1.1 ${status} ${reason}`,
      ...headersFor(undefined).map(([name, value]) => `${name}: ${value}`),
    ];
    if (status === 405) lines.push(`Allow: ${SERVED_METHODS.join(", ")}`);
    lines.push("Cache-Control: no-store", "Content-Length: 0", "Connection: close");
    socket.end(`${lines.join("\r\n")}\r\n\r\n`);
  });
  server.on("connect", (_req, socket) => {
    const lines = [
      `HTTP/1.1 405 Method Not Allowed`,
      ...headersFor(undefined).map(([name, value]) => `${name}: ${value}`),
    ];
    lines.push(`Allow: ${SERVED_METHODS.join(", ")}`, "Content-Length: 0", "Connection: close");
    socket.end(`${lines.join("\r\n")}\r\n\r\n`);
  });
  globalThis[FRONT_MARK] = true;
}
