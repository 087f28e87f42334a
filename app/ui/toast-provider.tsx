"use client";

import Link from "next/link";
import { createContext, useCallback, useContext, useMemo, useRef, useState } from "react";
import { CheckCircleIcon, InfoIcon, XCircleIcon } from "./icons";

type ToastTone = "success" | "error" | "info";

interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  body?: string;
  /** Where to see what the toast is about (the task a Run started). */
  link?: { href: string; label: string };
}

interface ToastApi {
  toast: (t: Omit<Toast, "id">) => void;
}

const ToastContext = createContext<ToastApi>({ toast: () => undefined });

export function useToast(): ToastApi {
  return useContext(ToastContext);
}

const TONE: Record<ToastTone, string> = {
  success: "border-emerald-300 dark:border-emerald-800",
  error: "border-rose-300 dark:border-rose-800",
  info: "border-slate-300 dark:border-slate-700",
};

/** Toasts announced politely to screen readers (aria-live), dismissed after a while or by the user. */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const toast = useCallback(
    (t: Omit<Toast, "id">) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-3), { ...t, id }]);
      setTimeout(() => dismiss(id), t.tone === "error" ? 12_000 : 8_000);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ toast }), [toast]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        aria-live="polite"
        role="status"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end"
      >
        {toasts.map((t) => (
          <div key={t.id} className={`${TOAST} ${TONE[t.tone]}`}>
            {t.tone === "success" ? (
              <CheckCircleIcon className="mt-0.5 size-4 shrink-0 text-emerald-700 dark:text-emerald-300" />
            ) : t.tone === "error" ? (
              <XCircleIcon className="mt-0.5 size-4 shrink-0 text-rose-700 dark:text-rose-300" />
            ) : (
              <InfoIcon className="mt-0.5 size-4 shrink-0 text-slate-600 dark:text-slate-300" />
            )}
            <div className="min-w-0 flex-1">
              <p className="font-medium">{t.title}</p>
              {t.body ? <p className="mt-0.5 text-slate-600 dark:text-slate-400">{t.body}</p> : null}
              {t.link ? (
                <Link
                  href={t.link.href}
                  className={[
                    "mt-1 inline-block font-medium text-sky-800 underline focus-visible:outline-2",
                    "focus-visible:outline-sky-600 dark:text-sky-300",
                  ].join(" ")}
                >
                  {t.link.label}
                </Link>
              ) : null}
            </div>
            <button
              type="button"
              onClick={() => dismiss(t.id)}
              className={[
                "rounded px-1 text-slate-500 hover:text-slate-900 focus-visible:outline-2",
                "focus-visible:outline-sky-600 dark:text-slate-400 dark:hover:text-white",
              ].join(" ")}
              aria-label="Dismiss notification"
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

const TOAST =
  "pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border bg-white p-3 text-sm shadow-lg dark:bg-slate-900";
