import Link from "next/link";
import { pagePaths } from "@/lib/shared/api-paths";
import { ChevronRightIcon, LogoIcon } from "./icons";
import { SignOutButton } from "./sign-out-button";

interface HeaderContext {
  workspace: { id: string; name: string };
  model: { id: string; name: string };
}

interface Props {
  user?: { name: string; email: string };
  context?: HeaderContext;
}

/** The top bar: product, where you are (workspace › model), who you are, sign out. */
export function AppHeader({ user, context }: Props) {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4 sm:px-6">
        <Link
          href={pagePaths.home()}
          aria-label="Export Desk"
          className={[
            "flex shrink-0 items-center gap-2 rounded font-semibold tracking-tight",
            "focus-visible:outline-2 focus-visible:outline-sky-600",
          ].join(" ")}
        >
          <LogoIcon className="size-6 text-sky-700 dark:text-sky-400" />
          <span className="hidden sm:inline">Export Desk</span>
        </Link>
        {context ? (
          <nav
            aria-label="Current model"
            className="flex min-w-0 items-center gap-1 text-sm text-slate-600 dark:text-slate-400"
          >
            <ChevronRightIcon className="size-4 shrink-0 text-slate-400" />
            <Link
              href={pagePaths.home()}
              className={[
                "truncate rounded px-1 hover:text-slate-900 focus-visible:outline-2",
                "focus-visible:outline-sky-600 dark:hover:text-white",
              ].join(" ")}
              title={`${context.workspace.name} — workspace; choose another model`}
            >
              {context.workspace.name}
            </Link>
            <ChevronRightIcon className="size-4 shrink-0 text-slate-400" />
            <Link
              href={pagePaths.model(context.workspace.id, context.model.id)}
              className={[
                "truncate rounded px-1 font-medium text-slate-900 hover:underline",
                "focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-white",
              ].join(" ")}
              title={context.model.name}
            >
              {context.model.name}
            </Link>
          </nav>
        ) : null}
        <div className="ml-auto flex shrink-0 items-center gap-2">
          {user ? (
            <>
              <span className="hidden text-right text-sm leading-tight md:block">
                <span className="block font-medium">{user.name}</span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">{user.email}</span>
              </span>
              <span
                aria-hidden="true"
                className={[
                  "grid size-8 place-items-center rounded-full bg-sky-100 text-xs font-semibold",
                  "text-sky-800 md:hidden dark:bg-sky-900 dark:text-sky-100",
                ].join(" ")}
              >
                {initials(user.name)}
              </span>
              <span className="sr-only md:hidden">Signed in as {user.name}</span>
              <SignOutButton />
            </>
          ) : null}
        </div>
      </div>
    </header>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join("");
}
