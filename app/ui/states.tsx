import Link from "next/link";
import { ArchiveIcon, LockIcon } from "./icons";

const NO_ACCESS_MESSAGE = "This model does not exist or you have no access to it.";

interface StateProps {
  title: string;
  children?: React.ReactNode;
  icon?: React.ReactNode;
  action?: React.ReactNode;
}

/** A centred message for empty, missing and failed states. */
export function StatePanel({ title, children, icon, action }: StateProps) {
  return (
    <section
      className={[
        "mx-auto my-12 max-w-lg rounded-xl border border-slate-200 bg-white p-8",
        "text-center shadow-sm dark:border-slate-800 dark:bg-slate-900",
      ].join(" ")}
    >
      {icon ? (
        <div
          className={[
            "mx-auto mb-4 grid size-12 place-items-center rounded-full bg-slate-100 text-2xl",
            "text-slate-600 dark:bg-slate-800 dark:text-slate-300",
          ].join(" ")}
        >
          {icon}
        </div>
      ) : null}
      <h1 className="text-lg font-semibold">{title}</h1>
      {children ? <div className="mt-2 text-sm text-slate-600 dark:text-slate-400">{children}</div> : null}
      {action ? <div className="mt-6 flex justify-center gap-3">{action}</div> : null}
    </section>
  );
}

/** `back`: where to go instead of the picker (a missing task's own export). */
export function NoAccess({
  what = "model",
  back,
}: {
  what?: "model" | "export" | "task";
  back?: { href: string; label: string };
}) {
  const message =
    what === "model"
      ? NO_ACCESS_MESSAGE
      : what === "export"
        ? "This export does not exist or you have no access to it."
        : "This task does not exist, has expired, or you have no access to it.";
  return (
    <StatePanel
      title={what === "model" ? "No access to this model" : what === "export" ? "Export not found" : "Task not found"}
      icon={<LockIcon />}
      action={<LinkButton href={back?.href ?? "/"}>{back?.label ?? "Choose a model"}</LinkButton>}
    >
      <p>{message}</p>
      <p className="mt-2">Ask a workspace administrator for a model role if you expected to see it.</p>
    </StatePanel>
  );
}

export function LinkButton({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      className={[
        "inline-flex items-center gap-2 rounded-md bg-sky-700 px-3.5 py-2 text-sm",
        "font-medium text-white hover:bg-sky-800 focus-visible:outline-2",
        "focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:bg-sky-700",
        "dark:hover:bg-sky-800",
      ].join(" ")}
    >
      {children}
    </Link>
  );
}

/** A block placeholder of a fixed size so nothing shifts when data arrives. */
export function Skeleton({ className = "" }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={`animate-pulse rounded-md bg-slate-200 motion-reduce:animate-none dark:bg-slate-800 ${className}`}
    />
  );
}

export function TableSkeleton({ rows = 8, label = "Loading" }: { rows?: number; label?: string }) {
  return (
    <div
      role="status"
      aria-label={label}
      className="overflow-hidden rounded-xl border border-slate-200 dark:border-slate-800"
    >
      <div className="h-10 border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900" />
      {Array.from({ length: rows }, (_, i) => (
        <div
          key={i}
          className="flex h-12 items-center gap-4 border-b border-slate-100 px-4 last:border-0 dark:border-slate-800/60"
        >
          <Skeleton className="h-4 w-1/3" />
          <Skeleton className="h-4 w-16" />
          <Skeleton className="h-4 w-24" />
          <Skeleton className="ml-auto h-5 w-20 rounded-full" />
        </div>
      ))}
      <span className="sr-only">{label}…</span>
    </div>
  );
}

/** A notice above content that cannot be acted on (an archived model). */
export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <p
      className={[
        "mb-4 flex items-start gap-2 rounded-lg border border-slate-300 bg-slate-50 px-4",
        "py-3 text-sm text-slate-800 dark:border-slate-700 dark:bg-slate-900",
        "dark:text-slate-200",
      ].join(" ")}
    >
      <ArchiveIcon className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  );
}
