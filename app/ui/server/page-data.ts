import "server-only";
import type { Model } from "@/lib/shared/types";

const ARCHIVED_REASON =
  "This model is archived in Anaplan, so its exports cannot be run. Ask a workspace administrator to restore it.";

export function runBlockedReason(model: Model | undefined): string | undefined {
  return model?.activeState === "ARCHIVED" ? ARCHIVED_REASON : undefined;
}

/** The value if it arrives within `ms`, else undefined (the client fetches it instead); errors become undefined too. */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A page's `searchParams` as URLSearchParams, repeated names kept (so a validator can refuse them). */
export function toSearchParams(params: Record<string, string | string[] | undefined>): URLSearchParams {
  const pairs = Object.entries(params).flatMap(([k, v]) =>
    v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x]),
  );
  return new URLSearchParams(pairs);
}
