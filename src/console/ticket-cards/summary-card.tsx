import type { TicketPageProps } from "./ticket-page-props.ts";

/** The ticket's written summary, in the console's language when there is one in it. */
export function SummaryCard(props: TicketPageProps) {
  const { tr, lang } = props;
  const summary = props.view.summary;
  if (!summary) return null;
  return (
    <section class="card" aria-labelledby="h-summary">
      <h2 id="h-summary">{tr("ticket.summary")}</h2>
      <p class="msg">{(lang === "en" ? summary.en : summary.id) ?? summary.id ?? summary.en}</p>
    </section>
  );
}
