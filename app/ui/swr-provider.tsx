"use client";

import { SWRConfig } from "swr";
import { apiGet } from "@/lib/shared/api-client";
import { isSessionEnded } from "@/lib/shared/session-ended";

/**
 * SWR for a page: the BFF fetcher, and the server-rendered first data as `fallback` under the same keys the
 * client hooks use (lib/shared/api-paths), so the first paint needs no request.
 */
export function SwrProvider({ fallback, children }: { fallback?: Record<string, unknown>; children: React.ReactNode }) {
  return (
    <SWRConfig
      value={{
        fetcher: apiGet,
        // After a 401 nothing more can succeed until the person signs in again; the banner says so.
        isPaused: isSessionEnded,
        fallback: fallback ?? {},
        revalidateOnFocus: true,
        focusThrottleInterval: 5_000,
        dedupingInterval: 4_000,
        shouldRetryOnError: (err: unknown) =>
          !(err instanceof Error && "status" in err && (err as { status: number }).status < 500),
        errorRetryCount: 3,
      }}
    >
      {children}
    </SWRConfig>
  );
}
