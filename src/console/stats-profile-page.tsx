import type { Caseworker } from "../db/generated/client.ts";
import type { Locale } from "../i18n/create-i18n.ts";
import { CASE_PROFILE_FIELDS, type CaseProfileInput } from "../domain/stats/case-profile.ts";
import {
  AGE_BANDS,
  GENDERS,
  JOB_AD_PATTERNS,
  PLATFORMS,
  RECRUITMENT_CHANNELS,
  SECTORS,
} from "../domain/stats/stats-dimensions.ts";
import { Csrf, Layout, type Tr } from "./layout.tsx";

const CHOICES: Partial<Record<keyof CaseProfileInput, { values: readonly string[]; dimension: string }>> = {
  sector: { values: SECTORS, dimension: "sector" },
  recruitmentChannel: { values: RECRUITMENT_CHANNELS, dimension: "recruitment_channel" },
  platform: { values: PLATFORMS, dimension: "platform" },
  jobAdPattern: { values: JOB_AD_PATTERNS, dimension: "job_ad" },
  ageBand: { values: AGE_BANDS, dimension: "age_band" },
  gender: { values: GENDERS, dimension: "gender" },
};

/**
 * `/console/stats/profile/:reference`: the case facts statistics count (sector, route, recruitment, age
 * band, gender …), filled in only from what the person or a caseworker said.
 */
export function CaseProfilePage(props: {
  tr: Tr;
  ts: (key: string, vars?: Record<string, string>) => string;
  label: (dimension: string, value: string) => string;
  lang: Locale;
  caseworker: Caseworker;
  csrf: string;
  back: string;
  reference: string;
  profile: Partial<Record<keyof CaseProfileInput, string | null>>;
  saved: boolean;
  /** the recruiters this ticket names, with how often they were reported across tickets */
  recruiters: { name: string; reports: number; since: string }[];
}) {
  const { ts } = props;
  return (
    <Layout
      tr={props.tr}
      lang={props.lang}
      title={ts("profile.title", { reference: props.reference })}
      page="stats-profile"
      caseworker={props.caseworker}
      csrf={props.csrf}
      back={props.back}
    >
      <div class="card stack">
        <h1>{ts("profile.title", { reference: props.reference })}</h1>
        <p class="muted">{ts("profile.intro")}</p>
        {props.saved ? <p role="status">{ts("profile.saved")}</p> : null}
        <form method="post" action={`/console/stats/profile/${props.reference}`} class="stack">
          <Csrf token={props.csrf} />
          {CASE_PROFILE_FIELDS.map((field) => {
            const choice = CHOICES[field];
            const current = props.profile[field] ?? "";
            return (
              <label>
                {ts(`profile.${field}`)}
                {choice ? (
                  <select name={field}>
                    <option value="">{ts("profile.not_known")}</option>
                    {choice.values.map((value) => (
                      <option value={value} selected={current === value}>
                        {props.label(choice.dimension, value)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input name={field} value={current} maxlength={60} />
                )}
              </label>
            );
          })}
          <button type="submit">{ts("profile.save")}</button>
        </form>
        {props.recruiters.length ? (
          <div>
            <h2>{ts("profile.recruiters")}</h2>
            <ul>
              {props.recruiters.map((r) => (
                <li>{ts("profile.reported", { name: r.name, count: String(r.reports), since: r.since })}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <p>
          <a href={`/console/tickets/${props.reference}`}>{ts("profile.back")}</a>
        </p>
      </div>
    </Layout>
  );
}
