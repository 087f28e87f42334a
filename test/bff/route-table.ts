/** Every BFF route handler with valid params, so table-driven tests can call them all. */
import * as session from "@/app/api/session/route";
import * as oauthStart from "@/app/api/auth/oauth/start/route";
import * as oauthCallback from "@/app/api/auth/oauth/callback/route";
import * as workspaces from "@/app/api/workspaces/route";
import * as models from "@/app/api/workspaces/[workspaceId]/models/route";
import * as exportsList from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/route";
import * as exportDetail from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/route";
import * as tasks from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/route";
import * as task from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/[taskId]/route";
import * as file from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/file/route";
import * as activity from "@/app/api/workspaces/[workspaceId]/models/[modelId]/tasks/route";
import * as events from "@/app/api/workspaces/[workspaceId]/models/[modelId]/events/route";
import { SEED } from "@/sim/seed/ids";
import type { NextRequest } from "next/server";

export const VALID = {
  workspaceId: SEED.workspaces.finance,
  modelId: SEED.models.fpa,
  exportId: SEED.exports.revenueCsv,
  taskId: "F362B99442C54425970E200037D48A91",
};

type Handler = (
  request: NextRequest,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response> | Response;

export interface RouteEntry {
  name: string;
  path: (p: Record<string, string>) => string;
  params: readonly (keyof typeof VALID)[];
  methods: Partial<Record<"GET" | "POST" | "DELETE", Handler>>;
}

const h = (fn: unknown) => fn as Handler;

export const ROUTES: RouteEntry[] = [
  {
    name: "session",
    path: () => "/api/session",
    params: [],
    methods: { GET: h(session.GET), POST: h(session.POST), DELETE: h(session.DELETE) },
  },
  { name: "oauth start", path: () => "/api/auth/oauth/start", params: [], methods: { GET: h(oauthStart.GET) } },
  {
    name: "oauth callback",
    path: () => "/api/auth/oauth/callback",
    params: [],
    methods: { GET: h(oauthCallback.GET) },
  },
  { name: "workspaces", path: () => "/api/workspaces", params: [], methods: { GET: h(workspaces.GET) } },
  {
    name: "models",
    path: (p) => `/api/workspaces/${p.workspaceId}/models`,
    params: ["workspaceId"],
    methods: { GET: h(models.GET) },
  },
  {
    name: "catalogue",
    path: (p) => `/api/workspaces/${p.workspaceId}/models/${p.modelId}/exports`,
    params: ["workspaceId", "modelId"],
    methods: { GET: h(exportsList.GET) },
  },
  {
    name: "export detail",
    path: (p) => `/api/workspaces/${p.workspaceId}/models/${p.modelId}/exports/${p.exportId}`,
    params: ["workspaceId", "modelId", "exportId"],
    methods: { GET: h(exportDetail.GET) },
  },
  {
    name: "export tasks",
    path: (p) => `/api/workspaces/${p.workspaceId}/models/${p.modelId}/exports/${p.exportId}/tasks`,
    params: ["workspaceId", "modelId", "exportId"],
    methods: { GET: h(tasks.GET), POST: h(tasks.POST) },
  },
  {
    name: "task",
    path: (p) => `/api/workspaces/${p.workspaceId}/models/${p.modelId}/exports/${p.exportId}/tasks/${p.taskId}`,
    params: ["workspaceId", "modelId", "exportId", "taskId"],
    methods: { GET: h(task.GET), DELETE: h(task.DELETE) },
  },
  {
    name: "file",
    path: (p) => `/api/workspaces/${p.workspaceId}/models/${p.modelId}/exports/${p.exportId}/file`,
    params: ["workspaceId", "modelId", "exportId"],
    methods: { GET: h(file.GET) },
  },
  {
    name: "activity",
    path: (p) => `/api/workspaces/${p.workspaceId}/models/${p.modelId}/tasks`,
    params: ["workspaceId", "modelId"],
    methods: { GET: h(activity.GET) },
  },
  {
    name: "events",
    path: (p) => `/api/workspaces/${p.workspaceId}/models/${p.modelId}/events`,
    params: ["workspaceId", "modelId"],
    methods: { GET: h(events.GET) },
  },
];

export function paramsFor(
  entry: RouteEntry,
  override: Partial<Record<keyof typeof VALID, string>> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of entry.params) out[name] = override[name] ?? VALID[name];
  return out;
}
