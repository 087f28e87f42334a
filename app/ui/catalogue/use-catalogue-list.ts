"use client";

import useSWR from "swr";
import type { ExportsResponse } from "@/lib/shared/responses";
import { apiPaths } from "@/lib/shared/api-paths";
import { handle } from "@/lib/shared/api-client";

/** `no-cache`: the browser keeps its copy and asks with its ETag, so an unchanged list comes back as a bodiless 304. */
const fetchList = async (path: string) =>
  handle<ExportsResponse>(await fetch(path, { headers: { Accept: "application/json" }, cache: "no-cache" }));

/** The model's whole export list for the filter: fetched once per model and kept while the app is open. */
export function useCatalogueList(workspaceId: string, modelId: string) {
  return useSWR<ExportsResponse>(apiPaths.exports(workspaceId, modelId), fetchList, {
    revalidateOnFocus: false,
    revalidateOnReconnect: false,
  });
}
