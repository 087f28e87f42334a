/** Locale-aware formatters. Pass `locale` undefined in the browser to use the user's own locale and time zone. */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Building an Intl formatter costs far more than formatting with it (a 50-row table formats hundreds of values per
 * render), so each locale and options pair gets one, kept (a bounded few: locales can come from a request).
 */
function memoised<F, O>(make: (locale: string | undefined, options: O) => F) {
  const made = new Map<string, F>();
  return (locale: string | undefined, options: O): F => {
    const key = `${locale ?? ""}|${JSON.stringify(options)}`;
    let formatter = made.get(key);
    if (!formatter) {
      if (made.size >= 64) made.clear();
      made.set(key, (formatter = make(locale, options)));
    }
    return formatter;
  };
}

const numberFormat = memoised((l, o: Intl.NumberFormatOptions) => new Intl.NumberFormat(l, o));
const dateTimeFormat = memoised((l, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(l, o));
const relativeTimeFormat = memoised((l, o: Intl.RelativeTimeFormatOptions) => new Intl.RelativeTimeFormat(l, o));

function unit(locale: string | undefined, value: number, u: "second" | "minute" | "hour" | "day"): string {
  return numberFormat(locale, {
    style: "unit",
    unit: u,
    unitDisplay: "short",
    maximumFractionDigits: 0,
  }).format(value);
}

/** "4 sec", "3 min 20 sec", "1 hr 5 min", "2 days 3 hr". */
export function formatDuration(ms: number, locale?: string): string {
  const total = Math.max(0, Math.round(ms / SECOND)) * SECOND;
  if (total < MINUTE) return unit(locale, total / SECOND, "second");
  if (total < HOUR) {
    const m = Math.floor(total / MINUTE);
    const s = Math.round((total % MINUTE) / SECOND);
    return s ? `${unit(locale, m, "minute")} ${unit(locale, s, "second")}` : unit(locale, m, "minute");
  }
  if (total < DAY) {
    const h = Math.floor(total / HOUR);
    const m = Math.floor((total % HOUR) / MINUTE);
    return m ? `${unit(locale, h, "hour")} ${unit(locale, m, "minute")}` : unit(locale, h, "hour");
  }
  const d = Math.floor(total / DAY);
  const h = Math.floor((total % DAY) / HOUR);
  return h ? `${unit(locale, d, "day")} ${unit(locale, h, "hour")}` : unit(locale, d, "day");
}

/** "just now", "12 sec ago", "3 min ago", "in 2 hr": the same units as durations, so "31 sec ago" sits beside "15 sec". */
export function formatRelative(thenMs: number, nowMs: number, locale?: string): string {
  const rtf = relativeTimeFormat(locale, { numeric: "auto", style: "short" });
  const diff = thenMs - nowMs;
  const abs = Math.abs(diff);
  const english = rtf.resolvedOptions().locale.startsWith("en");
  if (abs < 5 * SECOND) return english ? "just now" : rtf.format(0, "second");
  const [value, u]: [number, "second" | "minute" | "hour" | "day"] =
    abs < MINUTE
      ? [Math.round(abs / SECOND), "second"]
      : abs < HOUR
        ? [Math.round(abs / MINUTE), "minute"]
        : abs < DAY
          ? [Math.round(abs / HOUR), "hour"]
          : [Math.round(abs / DAY), "day"];
  // English short forms end in a period ("3 min. ago") that durations lack; other languages keep Intl's own words.
  if (!english) return rtf.format(diff < 0 ? -value : value, u);
  const amount = unit(locale, value, u);
  return diff < 0 ? `${amount} ago` : `in ${amount}`;
}

/** Full date and time in the user's locale and time zone, for `<time title>`. */
export function formatExact(ms: number, locale?: string, timeZone?: string): string {
  return dateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone }).format(ms);
}

export function formatCount(n: number, locale?: string): string {
  return numberFormat(locale, {}).format(n);
}

const BYTE_UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** "512 byte", "1.2 MB", "3.4 GB" (decimal units). */
export function formatBytes(bytes: number, locale?: string): string {
  let value = Math.max(0, bytes);
  let i = 0;
  while (value >= 1000 && i < BYTE_UNITS.length - 1) {
    value /= 1000;
    i++;
  }
  return numberFormat(locale, {
    style: "unit",
    unit: BYTE_UNITS[i],
    unitDisplay: "short",
    maximumFractionDigits: value < 10 && i > 0 ? 1 : 0,
  }).format(value);
}

export function formatPercent(fraction: number, locale?: string): string {
  const clamped = Math.min(1, Math.max(0, fraction));
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(clamped);
}

const FORMAT_LABELS: Record<string, string> = {
  "text/csv": "CSV",
  "text/plain": "Text",
  "text/tab-separated-values": "TSV",
  "application/vnd.ms-excel": "Excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
  "application/json": "JSON",
};

/** Short name of an export format (a MIME type in Anaplan). */
export function formatLabel(mime: string | undefined): string {
  if (!mime) return "—";
  return FORMAT_LABELS[mime.toLowerCase()] ?? mime;
}

/** "TABULAR_MULTI_COLUMN" → "Tabular multi column". */
export function layoutLabel(layout: string | undefined): string {
  if (!layout) return "—";
  const words = layout.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The current time; a named function so event callbacks can read the clock without looking impure to lint. */
export function currentTime(): number {
  return Date.now();
}
