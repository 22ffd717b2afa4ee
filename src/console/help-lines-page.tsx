import type { HelpLine } from "../db/generated/client.ts";
import { HELP_LINE_KINDS, visibilityOf } from "../domain/contacts/help-line.ts";
import type { Locale } from "../i18n/create-i18n.ts";
import { Csrf, Layout, formatDateTime, type Tr } from "./layout.tsx";

type Props = {
  tr: Tr;
  /** this page's own texts (namespace help_lines) */
  th: Tr;
  lang: Locale;
  caseworker: Parameters<typeof Layout>[0]["caseworker"];
  csrf: string;
  back?: string;
  flash?: string;
  lines: HelpLine[];
  /** every country that has lines, with its name, for the filter */
  countries: { code: string; name: string }[];
  country?: string;
  /** lines people are given from public sources that nobody here has confirmed yet */
  unconfirmedShown: number;
  /** the name of a country code, in the page's language */
  nameOf: (code: string) => string;
};

const group = (line: HelpLine) => `${line.country}:${line.audience}`;

/**
 * The help lines people are given (admins): by country, with what the research said of each and whether
 * people see it; an admin edits a line, confirms it (after calling it), hides it, or adds one.
 */
export function HelpLinesPage(props: Props) {
  const { tr, th } = props;
  const groups = new Map<string, HelpLine[]>();
  for (const line of props.lines) groups.set(group(line), [...(groups.get(group(line)) ?? []), line]);
  return (
    <Layout
      tr={tr}
      lang={props.lang}
      title={th("title")}
      page="help-lines"
      caseworker={props.caseworker}
      csrf={props.csrf}
      {...(props.back ? { back: props.back } : {})}
    >
      {props.flash ? <p class="flash">{props.flash}</p> : null}
      <h1>{th("title")}</h1>
      <p class="muted">{th("intro")}</p>
      {props.unconfirmedShown ? (
        <p class="warn" role="alert">
          {th("unconfirmed_warning", { count: props.unconfirmedShown })}
        </p>
      ) : null}
      <form method="get" action="/console/admin/help-lines" class="filters card">
        <label>
          {th("country")}{" "}
          <select name="country">
            <option value="">{th("all_countries")}</option>
            {props.countries.map((c) => (
              <option value={c.code} selected={c.code === props.country}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{tr("queue.filter.apply")}</button>
      </form>
      {[...groups.entries()].map(([key, lines]) => {
        const [country, audience] = key.split(":") as [string, HelpLine["audience"]];
        return (
          <section class="stack" id={`country-${country}`}>
            <h2>
              {props.nameOf(country)} ({country}) · {th(`audience.${audience}`)}
            </h2>
            {lines.map((line) => (
              <LineCard {...props} line={line} />
            ))}
          </section>
        );
      })}
      <div class="card">
        <h2>{th("add")}</h2>
        <p class="small muted">{th("add_intro")}</p>
        <form method="post" action="/console/admin/help-lines" class="stack">
          <Csrf token={props.csrf} />
          <label>
            {th("country_code")}{" "}
            <input
              type="text"
              name="country"
              required
              pattern="[A-Za-z]{2}"
              maxlength={2}
              value={props.country ?? ""}
            />
          </label>
          <label>
            {th("audience_label")}{" "}
            <select name="audience">
              {(["local", "in_indonesia", "from_abroad"] as const).map((a) => (
                <option value={a}>{th(`audience.${a}`)}</option>
              ))}
            </select>
          </label>
          <LineFields th={th} />
          <button type="submit">{th("add")}</button>
        </form>
      </div>
    </Layout>
  );
}

function LineCard(props: Props & { line: HelpLine }) {
  const { th, line } = props;
  const visibility = visibilityOf(line);
  const numbers = [
    line.phone ? th("phone_shown", { phone: line.phone }) : null,
    line.phoneFromAbroad ? th("phone_abroad_shown", { phone: line.phoneFromAbroad }) : null,
    line.whatsapp ? th("whatsapp_shown", { phone: line.whatsapp }) : null,
  ].filter(Boolean);
  return (
    <div class="card stack" id={`line-${line.id}`} data-line={line.id} data-visibility={visibility}>
      <h3>
        {props.lang === "en" ? line.nameEn : line.nameId}{" "}
        <span class={visibility === "waiting" || visibility === "hidden" ? "badge" : "badge ok"}>
          {th(`visibility.${visibility}`)}
        </span>
      </h3>
      <p>
        {th(`kind.${line.kind}`)} · {numbers.join(" · ") || th("no_number")}
        {line.hours ? ` · ${line.hours === "24h" ? th("hours_24h") : line.hours}` : ""}
      </p>
      <p class="small muted">
        {th("research", {
          confidence: th(`confidence.${line.confidence}`),
          freshness: th(`freshness.${line.freshness}`),
        })}
        {line.source ? ` · ${th("source")}: ${line.source}` : ""}
        {line.verifiedOn ? ` · ${th("verified_on", { date: formatDateTime(props.lang, line.verifiedOn) })}` : ""}
      </p>
      <details>
        <summary>{th("edit")}</summary>
        <form method="post" action={`/console/admin/help-lines/${line.id}`} class="stack">
          <Csrf token={props.csrf} />
          <LineFields th={th} line={line} />
          <div class="row">
            <button type="submit" name="action" value="save" class="secondary">
              {th("action.save")}
            </button>
            <button type="submit" name="action" value="verify">
              {th("action.verify")}
            </button>
            {line.review === "hidden" ? (
              <button type="submit" name="action" value="unhide" class="secondary">
                {th("action.unhide")}
              </button>
            ) : (
              <button type="submit" name="action" value="hide" class="secondary">
                {th("action.hide")}
              </button>
            )}
          </div>
          <p class="small muted">{th("verify_hint")}</p>
        </form>
      </details>
    </div>
  );
}

function LineFields(props: { th: Tr; line?: HelpLine }) {
  const { th, line } = props;
  const text = (name: keyof HelpLine, max: number, required = false) => (
    <label>
      {th(`field.${name}`)}{" "}
      <input type="text" name={name} maxlength={max} required={required} value={line ? String(line[name] ?? "") : ""} />
    </label>
  );
  return (
    <>
      {text("nameId", 200, true)}
      {text("nameEn", 200, true)}
      <label>
        {th("field.kind")}{" "}
        <select name="kind">
          {HELP_LINE_KINDS.map((kind) => (
            <option value={kind} selected={kind === (line?.kind ?? "emergency")}>
              {th(`kind.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      {text("phone", 60)}
      {text("phoneFromAbroad", 60)}
      {text("whatsapp", 60)}
      {text("hours", 80)}
      {text("source", 500)}
      <label>
        {th("field.position")}{" "}
        <input type="number" name="position" min={0} max={999} value={String(line?.position ?? 100)} />
      </label>
    </>
  );
}
