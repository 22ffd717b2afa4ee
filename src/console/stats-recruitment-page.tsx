import type { Caseworker } from "../db/generated/client.ts";
import type { ReportedRecruiter } from "../domain/stats/recruitment-market.ts";
import type { StatsFilter } from "../domain/stats/stats-filter.ts";
import { Layout, type Tr } from "./layout.tsx";
import type { StatsView } from "./stats-labels.ts";
import { BarSection, TwoWay } from "./stats-sections.tsx";
import { queryOf, StatsFilters, StatsSummary, type StatsPageProps } from "./stats-page.tsx";

/**
 * `/console/stats/recruitment`: the recruitment market at a glance (issue #17, item 4) — channels,
 * platforms and job-offer patterns over time, where they lead, and the recruiters named in reports.
 */
export function RecruitmentPage(props: {
  tr: Tr;
  lang: StatsView["lang"];
  caseworker: Caseworker;
  csrf: string;
  back: string;
  view: StatsView;
  filter: StatsFilter;
  places: StatsPageProps["places"];
  recruiters: ReportedRecruiter[];
  exact: boolean;
}) {
  const { view } = props;
  const s = (key: string) => view.ts(`section.${key}`);
  const query = queryOf(props.filter);
  return (
    <Layout
      tr={props.tr}
      lang={props.lang}
      title={view.ts("links.recruitment")}
      page="stats-recruitment"
      caseworker={props.caseworker}
      csrf={props.csrf}
      back={props.back}
    >
      <link rel="stylesheet" href="/console/stats/stats.css" />
      <h1>{view.ts("links.recruitment")}</h1>
      <p class="stats-links">
        <a href={`/console/stats${query}`}>{view.ts("links.overview")}</a>
      </p>
      <StatsFilters view={view} filter={props.filter} action="/console/stats/recruitment" places={props.places} />
      <StatsSummary view={view} />
      <div class="stats-grid">
        <section class="card stats-card wide">
          <h2>{s("recruiters")}</h2>
          <p class="muted small">
            {s("recruiters_hint")} {view.ts("recruiters.exact_admin")}
          </p>
          {props.recruiters.length ? (
            <div class="scroll">
              <table class="stats-table recruiters">
                <thead>
                  <tr>
                    <th scope="col">{view.ts("column.name")}</th>
                    <th scope="col">{view.ts("column.reports")}</th>
                    <th scope="col">{view.ts("column.since")}</th>
                    <th scope="col">{view.ts("column.destination")}</th>
                  </tr>
                </thead>
                <tbody>
                  {props.recruiters.map((r) => (
                    <tr>
                      <td>{r.name}</td>
                      <td class="num">{view.show(r.reports)}</td>
                      <td>{r.since}</td>
                      <td>{r.destinations.join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p class="muted">{view.ts("recruiters.none")}</p>
          )}
          {props.exact ? (
            <p>
              <a href={`/console/stats/recruitment/export${query}`}>{view.ts("recruiters.export")}</a>
            </p>
          ) : null}
        </section>
        <BarSection view={view} id="recruitment_channel" title={s("recruitment")} />
        <section class="card stats-card">
          <h2>{s("recruitment_over_time")}</h2>
          <TwoWay
            view={view}
            id="year_by_recruitment_channel"
            caption={s("recruitment_over_time")}
            corner=""
            rowAt={1}
          />
        </section>
        <section class="card stats-card">
          <h2>{s("platforms_over_time")}</h2>
          <TwoWay view={view} id="year_by_platform" caption={s("platforms_over_time")} corner="" rowAt={1} />
        </section>
        <BarSection view={view} id="job_ad" title={s("job_ads")} />
        <section class="card stats-card">
          <h2>{s("job_ads_over_time")}</h2>
          <TwoWay view={view} id="year_by_job_ad" caption={s("job_ads_over_time")} corner="" rowAt={1} />
        </section>
        <section class="card stats-card">
          <h2>{s("job_ad_destinations")}</h2>
          <TwoWay view={view} id="job_ad_by_destination" caption={s("job_ad_destinations")} corner="" />
        </section>
        <BarSection view={view} id="destination" title={s("destinations")} />
      </div>
    </Layout>
  );
}
