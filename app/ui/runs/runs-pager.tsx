import Link from "next/link";
import { ChevronLeftIcon, ChevronRightIcon } from "../icons";
import { PAGER_BUTTON as btn } from "../table-styles";

/** Keyset paging: forward to older runs, or back to the newest; each page is a URL, so Back works. */
export function RunsPager({
  label,
  newestHref,
  olderHref,
}: {
  label: string;
  newestHref?: string;
  olderHref?: string;
}) {
  if (!newestHref && !olderHref) return null;
  return (
    <nav aria-label={label} className="flex items-center gap-2">
      {newestHref ? (
        <Link href={newestHref} className={btn}>
          <ChevronLeftIcon className="size-4" /> Back to newest
        </Link>
      ) : null}
      {olderHref ? (
        <Link href={olderHref} className={btn}>
          Older runs <ChevronRightIcon className="size-4" />
        </Link>
      ) : null}
    </nav>
  );
}
