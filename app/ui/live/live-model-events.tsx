"use client";

import { createContext, useContext, useEffect, useState } from "react";
import { useSWRConfig } from "swr";
import { apiPaths } from "@/lib/shared/api-paths";
import { isStaleAfter, LIVE_EVENT_NAME, liveNotice, type LiveEvent } from "@/lib/shared/live-events";
import { isSessionEnded } from "@/lib/shared/session-ended";
import { useToast } from "../toast-provider";

export type LiveStreamState = "live" | "off";

const LiveStreamContext = createContext<LiveStreamState>("off");

/** Whether this page hears the model's events now ("off": it relies on polling alone). */
export function useLiveStream(): LiveStreamState {
  return useContext(LiveStreamContext);
}

/** Events within this window refresh each key once. */
const COALESCE_MS = 250;
/** After the server refused the stream (not a plain close): 10 s, doubling, at most 5 min. */
const FIRST_RETRY_MS = 10_000;
const MAX_RETRY_MS = 5 * 60_000;

/**
 * One event stream per model page, open while the tab is visible. An event refreshes the SWR keys it names (the
 * BFF answers them from its shared caches) and, for a run someone else started, says so politely. The browser
 * reconnects by itself when the server ends the stream; when the stream is refused or cut, the tables' own
 * polling carries on as before.
 */
export function LiveModelEvents({
  workspaceId,
  modelId,
  children,
}: {
  workspaceId: string;
  modelId: string;
  children: React.ReactNode;
}) {
  const { mutate } = useSWRConfig();
  const { toast } = useToast();
  const [state, setState] = useState<LiveStreamState>("off");

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    let retryMs = FIRST_RETRY_MS;
    let opened = false;
    /** Exports whose keys are stale; null stands for every export of the model. */
    const stale = new Set<string | null>();
    const announced = new Set<string>();

    const flush = () => {
      flushTimer = undefined;
      const events = [...stale].map((exportId) => (exportId === null ? null : { exportId }));
      stale.clear();
      void mutate((key) => events.some((event) => isStaleAfter(workspaceId, modelId, event, key)));
    };
    const markStale = (exportId: string | null) => {
      stale.add(exportId);
      flushTimer ??= setTimeout(flush, COALESCE_MS);
    };

    const onEvent = (message: MessageEvent<string>) => {
      let event: LiveEvent;
      try {
        event = JSON.parse(message.data) as LiveEvent;
      } catch {
        return;
      }
      markStale(event.exportId);
      const notice = liveNotice(event);
      if (notice && event.taskId && !announced.has(event.taskId)) {
        announced.add(event.taskId);
        toast({ tone: "info", title: notice });
      }
    };

    const close = () => {
      source?.close();
      source = null;
      setState("off");
    };
    const connect = () => {
      clearTimeout(retryTimer);
      if (source || document.visibilityState === "hidden" || isSessionEnded()) return;
      const next = new EventSource(apiPaths.events(workspaceId, modelId));
      source = next;
      next.addEventListener(LIVE_EVENT_NAME, onEvent as EventListener);
      next.onopen = () => {
        retryMs = FIRST_RETRY_MS;
        setState("live");
        // Whatever happened while the page was not listening is fetched once (from the BFF's caches).
        if (opened) markStale(null);
        opened = true;
      };
      next.onerror = () => {
        if (next.readyState !== EventSource.CLOSED) {
          setState("off");
          return;
        }
        // Refused (401, 404, not a stream): the browser gives up; try again later, polling meanwhile.
        close();
        retryTimer = setTimeout(connect, retryMs);
        retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
      };
    };
    const onVisibility = () => (document.visibilityState === "hidden" ? close() : connect());

    connect();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      clearTimeout(retryTimer);
      clearTimeout(flushTimer);
      source?.close();
    };
  }, [workspaceId, modelId, mutate, toast]);

  return <LiveStreamContext.Provider value={state}>{children}</LiveStreamContext.Provider>;
}
