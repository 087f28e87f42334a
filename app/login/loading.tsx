import { Skeleton } from "@/app/ui/states";

export default function Loading() {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center bg-slate-50 px-4 dark:bg-slate-950">
      <Skeleton className="h-[26rem] w-full max-w-sm rounded-xl" />
    </main>
  );
}
