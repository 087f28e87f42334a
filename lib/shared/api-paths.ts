/**
 * BFF paths, which are also the SWR keys: server components pass their first render as SWR `fallback`
 * under exactly these strings, so the client hook picks it up.
 */
const enc = encodeURIComponent;

export const apiPaths = {
  session: () => "/api/session",
  oauthStart: (returnTo: string) => `/api/auth/oauth/start?returnTo=${enc(returnTo)}`,
  workspaces: () => "/api/workspaces",
  models: (w: string) => `/api/workspaces/${enc(w)}/models`,
  exports: (w: string, m: string) => `/api/workspaces/${enc(w)}/models/${enc(m)}/exports`,
  exportDetail: (w: string, m: string, e: string) => `${apiPaths.exports(w, m)}/${enc(e)}`,
  exportTasks: (w: string, m: string, e: string) => `${apiPaths.exportDetail(w, m, e)}/tasks`,
  task: (w: string, m: string, e: string, t: string) => `${apiPaths.exportTasks(w, m, e)}/${enc(t)}`,
  file: (w: string, m: string, e: string) => `${apiPaths.exportDetail(w, m, e)}/file`,
  activity: (w: string, m: string) => `/api/workspaces/${enc(w)}/models/${enc(m)}/tasks`,
  /** The model's live events (server-sent events), not an SWR key. */
  events: (w: string, m: string) => `/api/workspaces/${enc(w)}/models/${enc(m)}/events`,
  /** `search` is a canonical query string from lib/shared/runs-view (no leading "?"), so keys match across pages. */
  runs: (w: string, m: string, search = "") =>
    `/api/workspaces/${enc(w)}/models/${enc(m)}/runs${search ? `?${search}` : ""}`,
  runsCsv: (w: string, m: string, search = "") =>
    `/api/workspaces/${enc(w)}/models/${enc(m)}/runs.csv${search ? `?${search}` : ""}`,
};

/** Page paths, for links. */
export const pagePaths = {
  home: () => "/",
  login: () => "/login",
  model: (w: string, m: string) => `/w/${enc(w)}/m/${enc(m)}`,
  activity: (w: string, m: string) => `${pagePaths.model(w, m)}/activity`,
  runs: (w: string, m: string, search = "") => `${pagePaths.model(w, m)}/runs${search ? `?${search}` : ""}`,
  export: (w: string, m: string, e: string) => `${pagePaths.model(w, m)}/exports/${enc(e)}`,
  task: (w: string, m: string, e: string, t: string) => `${pagePaths.export(w, m, e)}/tasks/${enc(t)}`,
};
