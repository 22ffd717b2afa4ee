import type { Caseworker } from "../db/generated/client.ts";
import type { ReferralForm } from "../casework/referral-form.ts";
import type { Locale, Translate } from "../i18n/create-i18n.ts";
import { Layout, type Tr } from "./layout.tsx";

/**
 * The printable referral form: the same minimal, bilingual content the partner is emailed, side by side in
 * Bahasa Indonesia and English, with a print stylesheet (the console's header is not printed).
 */
export function ReferralFormPage(props: {
  tr: Tr;
  t: Translate;
  lang: Locale;
  caseworker: Caseworker;
  csrf: string;
  form: ReferralForm;
}) {
  const { form, t } = props;
  const column = (lang: Locale) => {
    const r = (key: string, vars?: Record<string, string | number>) => t(lang, `referral:${key}`, vars);
    const c = (key: string) => t(lang, `console:${key}`);
    const rows: [string, string][] = [
      [r("to"), form.partner],
      [r("from"), `${form.caseworker} (${r("via")})`],
      [r("date"), form.date.toISOString().slice(0, 10)],
      [
        r("type"),
        `${c(`types.${form.type}`)} · ${c(`priorities.${form.priority}`)}${form.child ? ` · ${r("child")}` : ""}`,
      ],
      [r("needs"), form.needs.length ? form.needs.map((n) => c(`needs.${n}`)).join(", ") : "—"],
      [r("where"), [form.province, form.country].filter(Boolean).join(", ") || "—"],
      [r("language"), form.locale.toUpperCase()],
      [
        r("signs"),
        form.indicators.length ? form.indicators.map((id) => t(lang, `screening:indicator.${id}`)).join("; ") : "—",
      ],
      [r("summary"), (lang === "en" ? form.summary?.en : form.summary?.id) ?? "—"],
      [
        r("contact"),
        form.contact
          ? [form.contact.method, form.contact.time]
              .filter(Boolean)
              .map((v) => c(`safe_contact.values.${v}`))
              .join(" · ")
          : "—",
      ],
    ];
    return (
      <section class="card referral-form" lang={lang}>
        <h2>{r("title", { reference: form.reference })}</h2>
        <dl class="facts">
          {rows.map(([label, value]) => (
            <>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </>
          ))}
        </dl>
        <p class="small">{r("how_to_reply", { reference: form.reference })}</p>
        <p class="small muted">{r("privacy")}</p>
      </section>
    );
  };
  return (
    <Layout
      tr={props.tr}
      lang={props.lang}
      title={t(props.lang, "referral:title", { reference: form.reference })}
      page="referral-form"
      caseworker={props.caseworker}
      csrf={props.csrf}
    >
      <p class="no-print">
        <a href={`/console/tickets/${form.reference}`}>← {form.reference}</a>{" "}
        <button type="button" class="secondary" data-print>
          {t(props.lang, "referral:print")}
        </button>
      </p>
      <div class="grid referral-forms">
        {column("id")}
        {column("en")}
      </div>
    </Layout>
  );
}
