"use client";

import { useState, useSyncExternalStore } from "react";
import { BellIcon } from "../icons";
import { askNotificationPermission, notificationsSupported } from "./notifications";

const noop = () => () => undefined;

/** "Notify me when done": asks for permission, then the table keeps watching in the background. */
export function NotifyToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const supported = useSyncExternalStore(noop, notificationsSupported, () => false);
  const [denied, setDenied] = useState(false);
  if (!supported) return null;
  async function toggle() {
    if (on) return onChange(false);
    const ok = await askNotificationPermission();
    setDenied(!ok);
    onChange(ok);
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        aria-pressed={on}
        onClick={toggle}
        className={`${TOGGLE} ${
          on
            ? "border-sky-600 bg-sky-50 text-sky-800 dark:border-sky-500 dark:bg-sky-950 dark:text-sky-200"
            : TOGGLE_OFF
        }`}
      >
        <BellIcon className="size-3.5" />
        {on ? "Notifying when done" : "Notify me when done"}
      </button>
      {denied ? (
        <span className="text-xs text-amber-800 dark:text-amber-300">Notifications are blocked in this browser.</span>
      ) : null}
    </span>
  );
}

const TOGGLE =
  "inline-flex items-center gap-1.5 rounded-md border px-2 py-1 text-xs font-medium " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600";
const TOGGLE_OFF =
  "border-slate-300 bg-white text-slate-700 hover:bg-slate-50 " +
  "dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800";
