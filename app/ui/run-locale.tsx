"use client";

import { useId, useState, useSyncExternalStore } from "react";
import { RUN_LOCALES, runLocaleFor } from "@/lib/shared/locales";
import { FIELD_CONTROL, FIELD_LABEL } from "./field-styles";

const noop = () => () => undefined;

/** The locale a run uses: the browser's closest offered one until the person picks another. */
export function useRunLocale(): [string, (locale: string) => void] {
  const browserLocale = useSyncExternalStore(
    noop,
    () => runLocaleFor(navigator.language),
    () => "en_US",
  );
  const [chosen, setChosen] = useState<string | null>(null);
  return [chosen ?? browserLocale, setChosen];
}

export function RunLocaleSelect({
  value,
  onChange,
  label = "Locale",
}: {
  value: string;
  onChange: (locale: string) => void;
  label?: string;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={`block ${FIELD_LABEL}`}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${FIELD_CONTROL} mt-1`}>
        {RUN_LOCALES.map((l) => (
          <option key={l.value} value={l.value}>
            {l.label}
          </option>
        ))}
      </select>
    </div>
  );
}
