"use client";

import { useId, useRef, useState, useSyncExternalStore } from "react";
import type { ApiErrorBody } from "@/lib/shared/types";
import { apiPaths } from "@/lib/shared/api-paths";
import { mutationHeaders } from "@/lib/shared/api-client";
import { SpinnerIcon } from "../icons";

function messageFor(status: number, body: Partial<ApiErrorBody> | null): string {
  if (status === 401)
    return body?.error?.message ?? "Anaplan did not accept that email and password. Check them and try again.";
  if (status === 502 || status === 503 || status === 504) {
    return (
      body?.error?.message ??
      "Anaplan cannot be reached right now, so your details could not be checked. Try again in a moment."
    );
  }
  return body?.error?.message ?? "Sign-in did not work. Try again in a moment.";
}

/** Email and password sign-in through the BFF (the password goes to Anaplan once and is never stored). */
export function LoginForm({ returnTo }: { returnTo: string }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const password = useRef<HTMLInputElement>(null);
  // Until the page's script runs, a submit would be the browser's own: the button waits for it.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(apiPaths.session(), {
        method: "POST",
        headers: mutationHeaders(),
        body: JSON.stringify({
          email: String(form.get("email") ?? "").trim(),
          password: String(form.get("password") ?? ""),
        }),
      });
      if (res.ok) {
        window.location.assign(returnTo);
        return;
      }
      const body = (await res.json().catch(() => null)) as Partial<ApiErrorBody> | null;
      setError(messageFor(res.status, body));
    } catch {
      setError("Export Desk cannot be reached. Check your connection and try again.");
    }
    setBusy(false);
    password.current?.focus();
  }

  const input =
    "mt-1 block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm " +
    "focus-visible:border-sky-600 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-slate-700 dark:bg-slate-950";
  return (
    // POST, so even a submit the script never sees cannot put the password in an address.
    <form method="post" onSubmit={submit} className="space-y-4" noValidate={false}>
      <div>
        <label htmlFor={`${id}-email`} className="block text-sm font-medium">
          Email
        </label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="username" required className={input} />
      </div>
      <div>
        <label htmlFor={`${id}-password`} className="block text-sm font-medium">
          Password
        </label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          ref={password}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={input}
        />
        {/* The space is kept whether or not there is a message, so the form never jumps. */}
        <p id={`${id}-error`} role="alert" className="mt-1 min-h-10 text-sm text-rose-800 dark:text-rose-300">
          {error}
        </p>
      </div>
      <button
        type="submit"
        disabled={!ready}
        aria-disabled={busy || undefined}
        aria-busy={busy || undefined}
        className={[
          "inline-flex h-10 w-full items-center justify-center gap-2 rounded-md bg-sky-700",
          "px-4 text-sm font-semibold text-white shadow-sm hover:bg-sky-800",
          "focus-visible:outline-2 focus-visible:outline-offset-2",
          "focus-visible:outline-sky-600 aria-disabled:opacity-70 dark:bg-sky-700",
          "dark:hover:bg-sky-800",
        ].join(" ")}
      >
        {busy ? <SpinnerIcon className="size-4 motion-safe:animate-spin" /> : null}
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

const noSubscription = () => () => undefined;
