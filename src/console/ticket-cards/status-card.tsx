import { CASEWORK_LIMITS } from "../../casework/casework-action-schemas.ts";
import { Csrf } from "../layout.tsx";
import { MANUAL_STATUSES, OUTCOMES } from "../../casework/change-status.ts";
import type { TicketPageProps } from "./ticket-page-props.ts";

/** Moving the ticket on: in progress, closing with an outcome, reopening. */
export function StatusCard(props: TicketPageProps) {
  const { tr } = props;
  const { ticket } = props.view;
  const ref = props.view.ticket.reference;
  const action = (path: string) => `/console/tickets/${ref}/${path}`;
  return (
    <section class="card stack" aria-labelledby="h-status">
      <h2 id="h-status">{tr("ticket.status")}</h2>
      {ticket.status !== "closed" && ticket.status !== "in_progress" && ticket.status !== "new" ? (
        <form method="post" action={action("status")}>
          <Csrf token={props.csrf} />
          <input type="hidden" name="status" value="in_progress" />
          <button type="submit" class="secondary">
            {tr("ticket.mark_in_progress")}
          </button>
        </form>
      ) : null}
      {ticket.status === "closed" ? (
        <form method="post" action={action("status")}>
          <Csrf token={props.csrf} />
          <input type="hidden" name="status" value="in_progress" />
          <button type="submit" class="secondary">
            {tr("ticket.reopen")}
          </button>
        </form>
      ) : (
        <form method="post" action={action("status")} class="stack">
          <Csrf token={props.csrf} />
          <input type="hidden" name="status" value={MANUAL_STATUSES[1]} />
          <label for="outcome">{tr("ticket.outcome_label")}</label>
          <select id="outcome" name="outcome" required>
            <option value="">{tr("ticket.choose")}</option>
            {OUTCOMES.map((o) => (
              <option value={o}>{tr(`outcomes.${o}`)}</option>
            ))}
          </select>
          <label for="outcome-note">{tr("ticket.outcome_note")}</label>
          <input id="outcome-note" name="outcomeNote" type="text" maxlength={CASEWORK_LIMITS.outcomeNote} />
          <button type="submit" class="danger">
            {tr("ticket.close")}
          </button>
        </form>
      )}
    </section>
  );
}
