import type { StoredAssessment } from "../../casework/read-ticket.ts";
import type { Tr } from "../layout.tsx";
import type { TicketPageProps } from "./ticket-page-props.ts";

/**
 * The screening's risk, Palermo elements, indicators by their names with the person's words that say
 * them, and why; a warning first when screening understood little of the message.
 */
export function AssessmentCard(props: TicketPageProps) {
  const { tr, view, lang } = props;
  const { ticket } = props.view;
  return (
    <section class="card" aria-labelledby="h-assessment">
      <h2 id="h-assessment">{tr("ticket.assessment")}</h2>
      {view.assessment ? <LittleUnderstood tr={tr} assessment={view.assessment} /> : null}
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
            <li data-indicator={i.id}>
              <strong>{tr("ticket.indicator_name", { id: i.id })}</strong>{" "}
              {isStrength(i.strength) ? <span class="badge">{tr(`ticket.strength.${i.strength}`)}</span> : null}
              {i.evidence ? <div class="evidence">“{i.evidence}”</div> : null}
            </li>
          ))}
        </ul>
      ) : ticket.indicatorIds.length ? (
        <ul class="plain">
          {ticket.indicatorIds.map((id) => (
            <li data-indicator={id}>{tr("ticket.indicator_name", { id })}</li>
          ))}
        </ul>
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

const STRENGTHS = ["strong", "medium", "weak"] as const;
const isStrength = (value: string | undefined): value is (typeof STRENGTHS)[number] =>
  STRENGTHS.some((strength) => strength === value);

/** Screening read little of the message: the caseworker should read it themselves. */
function LittleUnderstood(props: { tr: Tr; assessment: StoredAssessment }) {
  const { tr, assessment } = props;
  if (assessment.littleUnderstood !== true) return null;
  const { words, knownWords, languageRead } = assessment.understanding ?? {};
  const text =
    languageRead === false || words === undefined || knownWords === undefined
      ? tr("ticket.little_understood_language")
      : tr("ticket.little_understood_words", { known: knownWords, words });
  return (
    <p class="warn" data-little-understood>
      {text}
    </p>
  );
}
