import { SessionKeeper } from "@/app/ui/session/session-keeper";
import { ToastProvider } from "@/app/ui/toast-provider";
import { ConfirmCancelProvider } from "@/app/ui/tasks/confirm-cancel";
import { getPageSession } from "@/lib/dal";

/**
 * Signed-in area: toasts for task announcements, and the session kept alive while a page is open (with a banner
 * when it ends). Each page checks the session itself (lib/dal).
 */
export default async function DeskLayout({ children }: LayoutProps<"/">) {
  const session = await getPageSession();
  return (
    <ToastProvider>
      {session ? <SessionKeeper intervalMs={session.keepAliveMs} /> : null}
      <a
        href="#main"
        className={[
          "sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50",
          "focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow",
          "dark:focus:bg-slate-900",
        ].join(" ")}
      >
        Skip to content
      </a>
      <ConfirmCancelProvider myEmail={session?.info.user.email}>{children}</ConfirmCancelProvider>
    </ToastProvider>
  );
}
