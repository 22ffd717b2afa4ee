import type { TicketPageProps } from "./ticket-page-props.ts";

/** The screening's risk, Palermo elements, indicators with their evidence, and why. */
export function AssessmentCard(props: TicketPageProps) {
  const { tr, view, lang } = props;
  const { ticket } = props.view;
  return (
    <section class="card" aria-labelledby="h-assessment">
      <h2 id="h-assessment">{tr("ticket.assessment")}</h2>
      <dl class="facts">
        <dt>{tr("ticket.risk")}</dt>
        <dd>{tr(`risks.${view.assessment?.risk ?? ticket.risk}`)}</dd>
        <dt>{tr("ticket.palermo")}</dt>
        <dd>
          {(["act", "means", "purpose"] as const)
            .map((k) => `${tr(`palermo.${k}`)}: ${view.assessment?.palermo?.[k] ? tr("yes") : tr("no")}`)
            .join(" · ")}
        </dd>
      </dl>
      <h3>{tr("ticket.indicators")}</h3>
      {view.assessment?.indicators.length ? (
        <ul class="plain">
          {view.assessment.indicators.map((i) => (
            <li>
              <code>{i.id}</code> {i.strength ? <span class="badge">{i.strength}</span> : null}
              {i.evidence ? <div class="evidence">“{i.evidence}”</div> : null}
            </li>
          ))}
        </ul>
      ) : ticket.indicatorIds.length ? (
        <p>{ticket.indicatorIds.join(", ")}</p>
      ) : (
        <p class="muted">{tr("ticket.no_indicators")}</p>
      )}
      {view.assessment?.explanation ? (
        <>
          <h3>{tr("ticket.why")}</h3>
          <p>{(lang === "en" ? view.assessment.explanation.en : view.assessment.explanation.id) ?? ""}</p>
        </>
      ) : null}
    </section>
  );
}
