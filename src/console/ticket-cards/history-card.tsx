import { formatDateTime } from "../layout.tsx";
import { EVENT_KEYS } from "./ticket-labels.ts";
import type { TicketPageProps } from "./ticket-page-props.ts";

/** The ticket's history: every event, when and by whom. */
export function HistoryCard(props: TicketPageProps) {
  const { tr, view, lang } = props;
  return (
    <section class="card" aria-labelledby="h-events">
      <h2 id="h-events">{tr("ticket.history")}</h2>
      <ol class="plain small">
        {view.events.map((e) => (
          <li>
            {formatDateTime(lang, e.createdAt)} ·{" "}
            {tr(`events.${e.type in EVENT_KEYS ? e.type : "other"}`, { type: e.type })} ·{" "}
            {e.actor === "system" || e.actor === "person" || e.actor === "cli" ? tr(`actors.${e.actor}`) : e.actor}
          </li>
        ))}
      </ol>
    </section>
  );
}
