import "server-only";
import { AnaplanError } from "./errors";
import type { Paging } from "./schemas";

/** Anaplan's default and maximum page size. */
export const PAGE_LIMIT = 5000;
/** A list longer than this is refused rather than read into memory. */
export const MAX_ITEMS = 200_000;

export interface Page<T> {
  items: T[];
  paging?: Paging;
}

/**
 * Reads every page of a list. "More pages?" is decided from `totalSize` and the number of items the server
 * actually returned — never from the `next` link, which Anaplan sends even on the last page. A server may cap the
 * page below the requested limit, so the stride is what came back. An empty page ends the loop even when
 * `totalSize` says more remain (items deleted between pages, or a broken server): no infinite loop.
 */
export async function readAllPages<T>(
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
  what: string,
  limit: number = PAGE_LIMIT,
): Promise<T[]> {
  const all: T[] = [];
  let offset = 0;
  for (;;) {
    const page = await fetchPage(offset, limit);
    for (const item of page.items) all.push(item);
    if (all.length > MAX_ITEMS) {
      throw new AnaplanError(
        "invalid_response",
        `Anaplan returned more than ${MAX_ITEMS} entries for ${what}; Export Desk cannot show a list that long.`,
      );
    }
    const total = page.paging?.totalSize;
    // No paging block: the list is complete in one response.
    if (total === undefined) return all;
    const received = page.items.length;
    if (received === 0) return all;
    offset += received;
    if (offset >= total) return all;
  }
}
