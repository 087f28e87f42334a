import { Skeleton, TableSkeleton } from "./states";

function Title() {
  return (
    <div className="mb-6 space-y-2">
      <Skeleton className="h-8 w-72 max-w-full" />
      <Skeleton className="h-4 w-96 max-w-full" />
    </div>
  );
}

export function CatalogueLoading() {
  return (
    <main id="main" className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
      <Title />
      <div className="mb-4 flex flex-wrap gap-3">
        <Skeleton className="h-14 min-w-[14rem] flex-1" />
        <Skeleton className="h-14 w-32" />
        <Skeleton className="h-14 w-32" />
        <Skeleton className="h-14 w-32" />
      </div>
      <TableSkeleton rows={12} label="Loading exports" />
    </main>
  );
}

export function ExportLoading() {
  return (
    <main id="main" className="mx-auto w-full max-w-7xl space-y-6 px-4 py-6 sm:px-6 sm:py-8">
      <Title />
      <Skeleton className="h-24 w-full rounded-xl" />
      <TableSkeleton rows={4} label="Loading export" />
      <Skeleton className="h-48 w-full rounded-xl" />
    </main>
  );
}

/** A title, a filter bar and a table: the activity and runs pages. */
export function ActivityLoading({ label = "Loading activity" }: { label?: string }) {
  return (
    <main id="main" className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
      <Title />
      <Skeleton className="mb-4 h-14 w-80 max-w-full" />
      <TableSkeleton rows={10} label={label} />
    </main>
  );
}

export function TaskLoading() {
  return (
    <main id="main" className="mx-auto w-full max-w-7xl space-y-6 px-4 py-6 sm:px-6 sm:py-8">
      <Title />
      <Skeleton className="h-9 w-40" />
      <Skeleton className="h-40 w-full rounded-xl" />
    </main>
  );
}

export function PickerLoading() {
  return (
    <>
      <div className="h-14 border-b border-slate-200 dark:border-slate-800" />
      <main id="main" className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
        <Title />
        <Skeleton className="mb-6 h-16 w-full max-w-md" />
        <div role="status" aria-label="Loading models" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-[4.5rem] rounded-xl" />
          ))}
        </div>
      </main>
    </>
  );
}
