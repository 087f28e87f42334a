import { ToastProvider } from "@/app/ui/toast-provider";

/** Signed-in area: toasts for task announcements. Each page checks the session itself (lib/dal). */
export default function DeskLayout({ children }: LayoutProps<"/">) {
  return (
    <ToastProvider>
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow dark:focus:bg-slate-900">
        Skip to content
      </a>
      {children}
    </ToastProvider>
  );
}
