/** Streams a byte range of generated content as application/octet-stream, respecting backpressure. */
import type { ContentSource } from "../content/source";
import type { Ctx } from "./context";
import { sendRaw } from "./respond";

export async function streamContent(ctx: Ctx, source: ContentSource, start: number, end: number): Promise<void> {
  const { res } = ctx;
  if (ctx.effect === "malformed-json") {
    sendRaw(ctx, 200, "application/json", Buffer.from("{}"));
    return;
  }
  const length = end - start;
  res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": String(length) });
  // A truncate fault stops half way and drops the connection.
  const stopAt = ctx.effect === "truncate" ? start + Math.floor(length / 2) : end;
  let closed = false;
  res.once("close", () => {
    closed = true;
  });
  for (const piece of source.read(start, stopAt)) {
    if (closed) return;
    if (!res.write(piece)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off("drain", done);
          res.off("close", done);
          resolve();
        };
        res.on("drain", done);
        res.on("close", done);
      });
    }
  }
  if (closed) return;
  if (ctx.effect === "truncate") {
    res.write(Buffer.alloc(0), () => res.socket?.destroy());
    return;
  }
  res.end();
}
