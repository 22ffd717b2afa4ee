import { countryName } from "../../domain/contacts/country-name.ts";
import { Csrf, formatDateTime, formatWait } from "../layout.tsx";
import { outcomeLabel } from "./ticket-labels.ts";
import type { TicketPageProps } from "./ticket-page-props.ts";

/** The ticket's head: reference, badges, the facts, and claim, release and reassign. */
export function TicketHeaderCard(props: TicketPageProps) {
  const { tr, view, lang } = props;
  const { ticket, allowed } = props.view;
  const ref = props.view.ticket.reference;
  const action = (path: string) => `/console/tickets/${ref}/${path}`;
  const inHandoff = props.view.conversation?.mode === "human";
  return (
    <div class="card">
      <h1>
        {tr("ticket.title")} {ref}
      </h1>
      <div class="row">
        <span class={`badge ${ticket.priority}`}>{tr(`priorities.${ticket.priority}`)}</span>
        <span class="badge">{tr(`types.${ticket.type}`)}</span>
        <span class="badge" data-status={ticket.status}>
          {tr(`statuses.${ticket.status}`)}
        </span>
        {ticket.emergency ? <span class="badge urgent">{tr("ticket.emergency")}</span> : null}
        {ticket.child ? <span class="badge high">{tr("ticket.child")}</span> : null}
        {inHandoff ? <span class="badge waiting">{tr("ticket.in_handoff")}</span> : null}
      </div>
      <dl class="facts">
        <dt>{tr("ticket.assignee")}</dt>
        <dd data-assignee>{view.assignee ? view.assignee.name : tr("queue.unassigned")}</dd>
        <dt>{tr("ticket.opened")}</dt>
        <dd>
          {formatDateTime(lang, ticket.createdAt)} (
          {formatWait(tr, Math.floor((props.now.getTime() - ticket.createdAt.getTime()) / 60_000))})
        </dd>
        <dt>{tr("ticket.where")}</dt>
        <dd>
          {tr(`channels.${ticket.channel}`)} · {ticket.locale.toUpperCase()}
          {ticket.province ? ` · ${ticket.province}` : ""}
          {ticket.country ? ` · ${countryName(ticket.country) ?? ticket.country}` : ""}
        </dd>
        {ticket.outcome ? (
          <>
            <dt>{tr("ticket.outcome")}</dt>
            <dd>{outcomeLabel(tr, ticket.outcome)}</dd>
          </>
        ) : null}
      </dl>
      <div class="row">
        {allowed["ticket.claim"] ? (
          <form method="post" action={action("claim")}>
            <Csrf token={props.csrf} />
            <button type="submit">{tr("ticket.claim")}</button>
          </form>
        ) : null}
        {allowed["ticket.release"] ? (
          <form method="post" action={action("release")}>
            <Csrf token={props.csrf} />
            <button type="submit" class="secondary">
              {tr("ticket.release")}
            </button>
          </form>
        ) : null}
        {allowed["ticket.reassign"] ? (
          <form method="post" action={action("reassign")} class="row">
            <Csrf token={props.csrf} />
            <label class="inline">
              {tr("ticket.reassign_to")}
              <select name="assigneeId" required>
                {props.caseworkers.map((c) => (
                  <option value={c.id} selected={c.id === ticket.assigneeId}>
                    {c.name} ({tr(`roles.${c.role}`)})
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" class="secondary">
              {tr("ticket.reassign")}
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
