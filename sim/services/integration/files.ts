/**
 * Files and chunks. An export's output file id is its export id; its content is private to the user who ran it.
 * Content is generated on the fly and streamed (both path forms).
 */
import type { Ctx } from "../../http/context";
import type { Params } from "../../http/router";
import { apiError } from "../../http/respond";
import { streamContent } from "../../http/stream";
import { contentOf } from "../../content/source";
import { exportsOf, findExport } from "../../seed/catalogue";
import type { SeedUser } from "../../seed/directory";
import { type Handler, modelForSubresource, sendList, sortResources } from "./common";

const chunkCount = (size: number, chunkSize: number) => Math.ceil(size / chunkSize);

export const listFiles: Handler = (ctx, user, params) => {
  const model = modelForSubresource(ctx, user, params);
  if (!model) return;
  const live = ctx.state.files.filesOf(model.id, user.id, ctx.state.clock.now());
  const chunkSize = ctx.state.config.chunkSizeBytes;
  const files = sortResources(ctx, exportsOf(model.id)).map((def) => ({
    id: def.id,
    name: def.name,
    chunkCount: live.has(def.id) ? chunkCount(contentOf(def).size, chunkSize) : 0,
    firstDataRow: 0,
    headerRow: 0,
  }));
  sendList(ctx, `/models/${model.id}/objects/file`, "files", files);
};

/** The export behind a file id and the caller's live content for it; 404 for an unknown id. */
function resolve(ctx: Ctx, user: SeedUser, params: Params) {
  const model = modelForSubresource(ctx, user, params);
  if (!model) return undefined;
  const def = findExport(model.id, params.f ?? "");
  if (!def) {
    apiError(ctx, 404);
    return undefined;
  }
  const now = ctx.state.clock.now();
  const file = ctx.state.files.find(model.id, def.id, user.id, now);
  if (file) ctx.state.files.touch(file, now);
  return { def, file };
}

export const listChunks: Handler = (ctx, user, params) => {
  const found = resolve(ctx, user, params);
  if (!found) return;
  const { def, file } = found;
  const count = file ? chunkCount(contentOf(def).size, ctx.state.config.chunkSizeBytes) : 0;
  const chunks = Array.from({ length: count }, (_, i) => ({ id: String(i), name: `Chunk ${i}` }));
  sendList(ctx, `/models/${def.modelId}/objects/chunk`, "chunks", chunks);
};

export const getChunk: Handler = async (ctx, user, params) => {
  const found = resolve(ctx, user, params);
  if (!found) return;
  const { def, file } = found;
  if (!file || !/^\d+$/.test(params.c ?? "")) return apiError(ctx, 404);
  const source = contentOf(def);
  const size = ctx.state.config.chunkSizeBytes;
  const index = Number(params.c);
  if (index >= chunkCount(source.size, size)) return apiError(ctx, 404);
  await streamContent(ctx, source, index * size, Math.min(source.size, (index + 1) * size));
};

/** The whole file; 404 when there is no content (chunkCount 0). */
export const getFile: Handler = async (ctx, user, params) => {
  const found = resolve(ctx, user, params);
  if (!found) return;
  if (!found.file) return apiError(ctx, 404);
  const source = contentOf(found.def);
  await streamContent(ctx, source, 0, source.size);
};
