import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getPageSession } from "@/lib/dal";
import { getConfig } from "@/lib/config";
import { apiPaths } from "@/lib/shared/api-paths";
import { safeReturnTo } from "@/lib/shared/return-to";
import { LogoIcon } from "@/app/ui/icons";
import { LoginForm } from "@/app/ui/login/login-form";
import { LoginNotice } from "@/app/ui/login/login-notice";

export const metadata: Metadata = { title: "Sign in" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function LoginPage(props: PageProps<"/login">) {
  const params = await props.searchParams;
  const returnTo = safeReturnTo(one(params.returnTo));
  if (await getPageSession()) redirect(returnTo);
  const oauth = getConfig().oauth !== null;

  return (
    <main id="main" className="flex min-h-screen items-center justify-center bg-slate-50 px-4 py-12 dark:bg-slate-950">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-xl font-semibold tracking-tight">
          <LogoIcon className="size-8 text-sky-700 dark:text-sky-400" /> Export Desk
        </div>
        <div className="space-y-5 rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <div>
            <h1 className="text-lg font-semibold">Sign in</h1>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              Use your Anaplan account. You act as yourself, with your own Anaplan access.
            </p>
          </div>
          <LoginNotice reason={one(params.reason)} error={one(params.error)} />
          {oauth ? (
            <>
              <a
                href={apiPaths.oauthStart(returnTo)}
                className={[
                  "flex h-10 w-full items-center justify-center rounded-md border border-slate-300",
                  "bg-white text-sm font-semibold shadow-sm hover:bg-slate-50",
                  "focus-visible:outline-2 focus-visible:outline-offset-2",
                  "focus-visible:outline-sky-600 dark:border-slate-700 dark:bg-slate-800",
                  "dark:hover:bg-slate-700",
                ].join(" ")}
              >
                Sign in with Anaplan SSO
              </a>
              <div className="flex items-center gap-3 text-xs text-slate-500 dark:text-slate-400">
                <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" /> or with email and password{" "}
                <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
              </div>
            </>
          ) : null}
          <LoginForm returnTo={returnTo} />
        </div>
      </div>
    </main>
  );
}
