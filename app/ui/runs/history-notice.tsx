import type { RunsResponse } from "@/lib/shared/responses";
import { InfoIcon } from "../icons";

const SENTENCES: Record<Exclude<RunsResponse["history"], "ok">, string> = {
  off: "Run history is off: set DATABASE_URL on the server to keep a record of every run.",
  unavailable: "History is not being recorded right now; runs still work.",
};

const NOTICE =
  "flex items-start gap-2 rounded-lg border border-slate-200 bg-slate-50 px-4 py-2.5 text-sm text-slate-700 " +
  "dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300";

/** A quiet line when the team ledger is not recording; nothing when it is. */
export function HistoryNotice({ history }: { history: RunsResponse["history"] | undefined }) {
  if (!history || history === "ok") return null;
  return (
    <p role="status" className={NOTICE}>
      <InfoIcon className="mt-0.5 size-4 shrink-0" />
      <span>{SENTENCES[history]}</span>
    </p>
  );
}
