/**
 * The `localeName` Anaplan expects when starting an export (`en_US`): validated when the browser sends one,
 * otherwise taken from `Accept-Language` and mapped to an Anaplan locale; en_US when nothing fits.
 */
export const LOCALE_PATTERN = /^[a-z]{2}_[A-Z]{2}$/;
export const DEFAULT_LOCALE = "en_US";

/** Region used when the browser sends only a language ("fr" → fr_FR). */
const DEFAULT_REGION: Record<string, string> = {
  en: "US",
  fr: "FR",
  de: "DE",
  es: "ES",
  it: "IT",
  pt: "BR",
  nl: "NL",
  ja: "JP",
  ko: "KR",
  zh: "CN",
  ru: "RU",
  sv: "SE",
  da: "DK",
  fi: "FI",
  nb: "NO",
  no: "NO",
  pl: "PL",
  tr: "TR",
  cs: "CZ",
  hu: "HU",
};

export function isValidLocaleName(value: unknown): value is string {
  return typeof value === "string" && LOCALE_PATTERN.test(value);
}

export function localeFromAcceptLanguage(header: string | null | undefined): string {
  if (!header || header.length > 1024) return DEFAULT_LOCALE;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      let q = 1;
      for (const param of params) {
        const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param);
        if (match?.[1]) q = Number(match[1]);
      }
      return { tag: tag.trim(), q, index };
    })
    .filter((r) => r.tag && r.tag !== "*" && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);

  for (const { tag } of ranges) {
    const locale = toAnaplanLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** "en-gb" → "en_GB"; "fr" → "fr_FR"; "zh-Hant-TW" → "zh_TW"; unknown languages → undefined. */
export function toAnaplanLocale(tag: string): string | undefined {
  const parts = tag.split(/[-_]/);
  const language = parts[0]?.toLowerCase();
  if (!language || !/^[a-z]{2}$/.test(language)) return undefined;
  const region = parts
    .slice(1)
    .find((p) => /^[A-Za-z]{2}$/.test(p))
    ?.toUpperCase();
  if (region) return `${language}_${region}`;
  const fallback = DEFAULT_REGION[language];
  return fallback ? `${language}_${fallback}` : undefined;
}
