import type { Locale, Translate } from "../i18n/create-i18n.ts";
import { displayFigure, type Figure, type StatsRule } from "../domain/stats/apply-privacy-rule.ts";
import type { StatsReport, StatsTable } from "../domain/stats/build-stats.ts";
import { UNKNOWN } from "../domain/stats/stats-dimensions.ts";

/** Where each attribute's values are named in the locales; attributes not here (places, months) show as they are. */
const LABEL_KEYS: Record<string, (value: string) => string> = {
  type: (v) => `console:types.${v}`,
  priority: (v) => `console:priorities.${v}`,
  channel: (v) => `console:channels.${v}`,
  status: (v) => `console:statuses.${v}`,
  indicator: (v) => `screening:indicator.${v}`,
  palermo: (v) => (v === "all_three" ? "stats:palermo_all" : `console:palermo.${v}`),
  need: (v) => `console:needs.${v}`,
  referral_status: (v) => `console:referral_status.${v}`,
  service: (v) => `workday:case.service.${v}`,
  service_status: (v) => `workday:case.status.${v}`,
  sector: (v) => `stats:sector.${v}`,
  recruitment_channel: (v) => `stats:recruitment_channel.${v}`,
  platform: (v) => `stats:platform.${v}`,
  job_ad: (v) => `stats:job_ad.${v}`,
  gender: (v) => `stats:gender.${v}`,
  child: (v) => `stats:child.${v}`,
  language: (v) => `stats:language.${v}`,
  first_reply: (v) => `stats:reply_band.${v}`,
  time_to_close: (v) => `stats:close_band.${v}`,
};

/** What the statistics pages need to name and show figures in the caseworker's language. */
export type StatsView = {
  lang: Locale;
  report: StatsReport;
  /** stats namespace */
  ts: (key: string, vars?: Record<string, string | number>) => string;
  label: (dimension: string, value: string) => string;
  show: (figure: Figure) => string;
  table: (id: string) => StatsTable | undefined;
  /** the release's boundary in Jakarta time, for "as of …"; null for a view without a release */
  asOf: string | null;
};

export function createStatsView(t: Translate, lang: Locale, report: StatsReport, rule: StatsRule): StatsView {
  const number = new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-GB");
  return {
    lang,
    report,
    ts: (key, vars) => t(lang, `stats:${key}`, vars),
    label: (dimension, value) => {
      if (value === UNKNOWN) return t(lang, "stats:unknown");
      const key = LABEL_KEYS[dimension];
      return key ? t(lang, key(value)) : value;
    },
    show: (figure) => (figure.suppressed ? displayFigure(figure, rule) : number.format(figure.value)),
    table: (id) => report.tables.find((table) => table.id === id),
    asOf: report.asOf
      ? new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", {
          dateStyle: "long",
          timeStyle: "short",
          timeZone: "Asia/Jakarta",
        }).format(new Date(report.asOf))
      : null,
  };
}
