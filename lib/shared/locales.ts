/** Locales offered for an export run (Anaplan's `localeName`), with fixed English names so server and client agree. */
export const RUN_LOCALES: readonly { value: string; label: string }[] = [
  { value: "en_US", label: "English (United States)" },
  { value: "en_GB", label: "English (United Kingdom)" },
  { value: "de_DE", label: "Deutsch (Deutschland)" },
  { value: "fr_FR", label: "Français (France)" },
  { value: "es_ES", label: "Español (España)" },
  { value: "it_IT", label: "Italiano (Italia)" },
  { value: "nl_NL", label: "Nederlands (Nederland)" },
  { value: "pt_BR", label: "Português (Brasil)" },
  { value: "sv_SE", label: "Svenska (Sverige)" },
  { value: "ja_JP", label: "日本語 (日本)" },
  { value: "zh_CN", label: "中文 (中国)" },
  { value: "ko_KR", label: "한국어 (대한민국)" },
];

/** The offered locale closest to a BCP 47 tag ("fr-CA" → fr_FR, "en-GB" → en_GB), else en_US. */
export function runLocaleFor(tag: string | undefined): string {
  if (!tag) return "en_US";
  const [lang = "", region = ""] = tag.replace("_", "-").split("-");
  const exact = `${lang.toLowerCase()}_${region.toUpperCase()}`;
  if (RUN_LOCALES.some((l) => l.value === exact)) return exact;
  return RUN_LOCALES.find((l) => l.value.startsWith(`${lang.toLowerCase()}_`))?.value ?? "en_US";
}

/**
 * How a task page names the locale a run used: the offered name, the bare locale name for any other, Anaplan's
 * default when the run was started without one (null), "Not recorded" when the ledger does not know (undefined).
 */
export function runLocaleLabel(locale: string | null | undefined): string {
  if (locale === undefined) return "Not recorded";
  if (locale === null) return "Anaplan default";
  return RUN_LOCALES.find((l) => l.value === locale)?.label ?? locale;
}
