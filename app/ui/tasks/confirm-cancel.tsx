"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState } from "react";

interface ConfirmCancelApi {
  /** The signed-in person's email, so a question can say "your run". */
  myEmail: string | undefined;
  /** Asks `question`; true when the person chose to cancel. */
  confirm: (question: string) => Promise<boolean>;
}

const ConfirmCancelContext = createContext<ConfirmCancelApi>({
  myEmail: undefined,
  confirm: async () => true,
});

export function useConfirmCancel(): ConfirmCancelApi {
  return useContext(ConfirmCancelContext);
}

const BUTTON =
  "rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 " +
  "focus-visible:outline-sky-600";
const KEEP =
  "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 " +
  "dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";
const STOP = "bg-rose-700 text-white hover:bg-rose-800 dark:bg-rose-600 dark:hover:bg-rose-500";

/**
 * The one confirmation every Cancel button goes through: a modal <dialog> (focus moves in, Escape keeps the run),
 * and focus goes back to the button that opened it.
 */
export function ConfirmCancelProvider({ myEmail, children }: { myEmail?: string; children: React.ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const answer = useRef<((yes: boolean) => void) | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [question, setQuestion] = useState("");

  const confirm = useCallback((q: string) => {
    answer.current?.(false);
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setQuestion(q);
    dialog.current?.showModal();
    return new Promise<boolean>((resolve) => {
      answer.current = resolve;
    });
  }, []);

  function close(yes: boolean) {
    dialog.current?.close();
    settle(yes);
  }
  function settle(yes: boolean) {
    answer.current?.(yes);
    answer.current = null;
    if (opener.current?.isConnected) opener.current.focus();
    opener.current = null;
  }

  const api = useMemo(() => ({ myEmail, confirm }), [myEmail, confirm]);
  return (
    <ConfirmCancelContext.Provider value={api}>
      {children}
      <dialog
        ref={dialog}
        aria-labelledby="confirm-cancel-question"
        onClose={() => settle(false)}
        className={[
          "m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl",
          "backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100",
        ].join(" ")}
      >
        <h2 id="confirm-cancel-question" className="text-base font-semibold">
          {question}
        </h2>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          Anaplan stops the export and no file is produced. Whoever started it will see who cancelled it.
        </p>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <button type="button" onClick={() => close(false)} className={`${BUTTON} ${KEEP}`}>
            Keep it running
          </button>
          <button type="button" onClick={() => close(true)} className={`${BUTTON} ${STOP}`}>
            Cancel the run
          </button>
        </div>
      </dialog>
    </ConfirmCancelContext.Provider>
  );
}
