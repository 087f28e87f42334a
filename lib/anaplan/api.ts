import "server-only";
import type { z } from "zod";
import { getConfig } from "@/lib/config";
import type { ExportDefinition, ExportMetadata, Model, ModelStatus, Task, User, Workspace } from "@/lib/shared/types";
import { AnaplanError } from "./errors";
import { DEFAULT_DOWNLOAD_TIMEOUT_MS, openChunkedStream, orderChunkIds } from "./download";
import {
  DEFAULT_TIMEOUT_MS,
  buildUrl,
  readJsonOrEmpty,
  requestJson,
  send,
  type HttpRequest,
  type RetryMode,
} from "./http";
import { PAGE_LIMIT, readAllPages, type Page } from "./paging";
import type { RateKey } from "./rate-limit";
import { resolvePolicy, type RetryPolicy } from "./retry";
import * as s from "./schemas";

/**
 * The Integration API v2 client for one user's token. Create one per incoming request (it carries that request's
 * abort signal). Every response is parsed with a schema; every call has a timeout; GETs retry within a budget;
 * starting a task is never repeated once it may have reached Anaplan.
 */

export interface AnaplanUrls {
  apiUrl: string;
  authUrl: string;
  oauthUrl: string;
}

export interface AnaplanApiOptions {
  token: string;
  /** Aborts every call made through this client (pass the incoming request's signal). */
  signal?: AbortSignal;
  /** Per-attempt timeout for JSON calls (default 15 s). */
  timeoutMs?: number;
  /** Defaults from `getConfig()`. */
  urls?: Partial<AnaplanUrls>;
  /** Retry budget and backoff (default: 10 s budget, 4 attempts, 250 ms base, 2 s cap). */
  retry?: Partial<RetryPolicy>;
  /** Downloads: per-attempt time to a chunk's headers, and the longest silence within a chunk (default 30 s each). */
  downloadTimeoutMs?: number;
  /** Page size asked for (default and maximum 5000). */
  pageLimit?: number;
  /**
   * Whose ceiling each call counts against (rate-limit.ts). Without it calls are not limited: give it whenever
   * a person is behind the calls. A file's chunk reads are never limited (one stream, one chunk at a time).
   */
  rate?: Omit<RateKey, "background">;
}

/** An entry of `GET …/files`. An export's output file has the export's id. */
export interface AnaplanFile {
  id: string;
  name: string;
  /** May be stale; the chunk list is the source of truth. */
  chunkCount?: number;
  delimiter?: string;
  encoding?: string;
  firstDataRow?: number;
  format?: string;
  headerRow?: number;
  separator?: string;
}

export interface FileChunk {
  id: string;
  name?: string;
}

export interface FileDownload {
  stream: ReadableStream<Uint8Array>;
  chunkCount: number;
}

export interface AnaplanApi {
  me(): Promise<User>;
  workspaces(): Promise<Workspace[]>;
  models(workspaceId?: string): Promise<Model[]>;
  modelStatus(workspaceId: string, modelId: string): Promise<ModelStatus>;
  exports(workspaceId: string, modelId: string): Promise<ExportDefinition[]>;
  exportMetadata(workspaceId: string, modelId: string, exportId: string): Promise<ExportMetadata>;
  /** Never retried once it may have reached Anaplan: a timeout, reset or 5xx → `status_unknown`. */
  startExportTask(workspaceId: string, modelId: string, exportId: string, localeName?: string): Promise<Task>;
  exportTasks(workspaceId: string, modelId: string, exportId: string): Promise<Task[]>;
  exportTask(workspaceId: string, modelId: string, exportId: string, taskId: string): Promise<Task>;
  cancelExportTask(workspaceId: string, modelId: string, exportId: string, taskId: string): Promise<Task>;
  files(workspaceId: string, modelId: string): Promise<AnaplanFile[]>;
  fileChunks(workspaceId: string, modelId: string, fileId: string): Promise<FileChunk[]>;
  /** The chunk list, then a stream of every chunk in order. No content → `not_found`. */
  downloadFile(workspaceId: string, modelId: string, fileId: string): Promise<FileDownload>;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Ids go into URL paths: refuse anything but plain id characters before any I/O. */
function checkId(label: string, value: string): string {
  if (typeof value !== "string" || !ID_PATTERN.test(value)) {
    throw new AnaplanError("bad_request", `The ${label} id is not valid.`);
  }
  return value;
}

export function createAnaplanApi(options: AnaplanApiOptions): AnaplanApi {
  if (!options.token) throw new AnaplanError("unauthorized", "There is no Anaplan session; sign in again.");
  const apiUrl = options.urls?.apiUrl ?? getConfig().anaplanApiUrl;
  const policy = resolvePolicy(options.retry);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const downloadTimeoutMs = options.downloadTimeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
  const pageLimit = Math.min(Math.max(1, options.pageLimit ?? PAGE_LIMIT), PAGE_LIMIT);
  const auth = { Authorization: `AnaplanAuthToken ${options.token}` };

  function request(
    method: HttpRequest["method"],
    path: string[],
    what: string,
    extra: {
      query?: Record<string, string | number | undefined>;
      body?: unknown;
      mode?: RetryMode;
      unknown?: boolean;
    } = {},
  ): HttpRequest {
    const req: HttpRequest = {
      method,
      url: buildUrl(apiUrl, path, extra.query),
      headers: { ...auth, Accept: "application/json" },
      what,
      service: "api",
      mode: extra.mode ?? "idempotent",
      timeoutMs,
      policy,
    };
    if (extra.body !== undefined) {
      req.body = JSON.stringify(extra.body);
      req.headers = { ...req.headers, "Content-Type": "application/json" };
    }
    if (extra.unknown) req.ambiguousIsUnknown = true;
    if (options.signal) req.signal = options.signal;
    if (options.rate) req.rate = options.rate;
    return req;
  }

  function get<S extends z.ZodType>(
    path: string[],
    what: string,
    schema: S,
    query?: Record<string, string | number | undefined>,
  ) {
    return requestJson(request("GET", path, what, query ? { query } : {}), schema);
  }

  function list<S extends z.ZodType<{ meta?: { paging?: s.Paging | undefined } | null | undefined }>, T>(
    path: string[],
    what: string,
    schema: S,
    items: (data: z.output<S>) => T[],
    query: Record<string, string | number | undefined> = {},
  ): Promise<T[]> {
    return readAllPages<T>(
      async (offset, limit) => {
        const data = await get(path, what, schema, { ...query, offset, limit });
        const page: Page<T> = { items: items(data) };
        const paging = data.meta?.paging;
        if (paging) page.paging = paging;
        return page;
      },
      what,
      pageLimit,
    );
  }

  const model = (w: string, m: string) => ["workspaces", checkId("workspace", w), "models", checkId("model", m)];
  const exportPath = (w: string, m: string, e: string) => [...model(w, m), "exports", checkId("export", e)];
  const taskPath = (w: string, m: string, e: string, t: string) => [
    ...exportPath(w, m, e),
    "tasks",
    checkId("task", t),
  ];
  const filePath = (w: string, m: string, f: string) => [...model(w, m), "files", checkId("file", f)];

  // Every method is async, so an invalid id rejects the returned promise instead of throwing synchronously.
  const api: AnaplanApi = {
    async me() {
      return (await get(["users", "me"], "your Anaplan user", s.userResponse)).user;
    },

    async workspaces() {
      return list(["workspaces"], "the workspace list", s.workspacesPage, (d) => d.workspaces, {
        tenantDetails: "true",
      });
    },

    async models(workspaceId) {
      const path = workspaceId === undefined ? ["models"] : ["workspaces", checkId("workspace", workspaceId), "models"];
      return list(path, "the model list", s.modelsPage, (d) => d.models);
    },

    async modelStatus(w, m) {
      return (await get([...model(w, m), "status"], "the model status", s.modelStatusSchema)).requestStatus;
    },

    async exports(w, m) {
      return list([...model(w, m), "exports"], "the export list", s.exportsPage, (d) => d.exports);
    },

    async exportMetadata(w, m, e) {
      return (await get(exportPath(w, m, e), "the export details", s.exportMetadataResponse)).exportMetadata;
    },

    async startExportTask(w, m, e, localeName = "en_US") {
      const req = request("POST", [...exportPath(w, m, e), "tasks"], "starting the export", {
        body: { localeName },
        mode: "not-after-send",
        unknown: true,
      });
      return (await requestJson(req, s.createdTaskResponse)).task;
    },

    async exportTasks(w, m, e) {
      return list([...exportPath(w, m, e), "tasks"], "the export's task list", s.tasksPage, (d) => d.tasks);
    },

    async exportTask(w, m, e, t) {
      return (await get(taskPath(w, m, e, t), "the export task", s.taskResponse)).task;
    },

    async cancelExportTask(w, m, e, t) {
      // DELETE is idempotent (cancelling twice changes nothing), so it retries like a GET.
      const req = request("DELETE", taskPath(w, m, e, t), "cancelling the export task");
      const data = await send(req, (res, signal) => readJsonOrEmpty(res, signal, s.cancelResponse));
      // Anaplan Connect expects the task back; if a server answers without it, read the task.
      return data?.task ?? api.exportTask(w, m, e, t);
    },

    async files(w, m) {
      return list([...model(w, m), "files"], "the file list", s.filesPage, (d) => d.files);
    },

    async fileChunks(w, m, f) {
      return list([...filePath(w, m, f), "chunks"], "the file's chunk list", s.chunksPage, (d) => d.chunks);
    },

    async downloadFile(w, m, f) {
      const base = filePath(w, m, f);
      const chunks = await api.fileChunks(w, m, f);
      const chunkIds = orderChunkIds(chunks.map((c) => c.id));
      const streamOptions: Parameters<typeof openChunkedStream>[0] = {
        chunkIds,
        chunkUrl: (chunkId) => buildUrl(apiUrl, [...base, "chunks", chunkId]),
        headers: auth,
        policy,
        firstByteTimeoutMs: downloadTimeoutMs,
        idleTimeoutMs: downloadTimeoutMs,
      };
      if (options.signal) streamOptions.signal = options.signal;
      const stream = await openChunkedStream(streamOptions);
      return { stream, chunkCount: chunkIds.length };
    },
  };
  return api;
}
