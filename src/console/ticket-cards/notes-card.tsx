import { CASEWORK_LIMITS } from "../../casework/casework-action-schemas.ts";
import { Csrf, formatDateTime } from "../layout.tsx";
import type { TicketPageProps } from "./ticket-page-props.ts";

/** Caseworkers' internal notes on the ticket, and adding one. */
export function NotesCard(props: TicketPageProps) {
  const { tr, view, lang } = props;
  const { allowed } = props.view;
  const ref = props.view.ticket.reference;
  const action = (path: string) => `/console/tickets/${ref}/${path}`;
  return (
    <section class="card stack" aria-labelledby="h-notes">
      <h2 id="h-notes">{tr("ticket.notes")}</h2>
      {view.notes.length ? (
        <ul class="plain">
          {view.notes.map((n) => (
            <li>
              <span class="small muted">
                {n.author} · {formatDateTime(lang, n.createdAt)}
              </span>
              <div class="msg">{n.text}</div>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{tr("ticket.no_notes")}</p>
      )}
      {allowed["ticket.note"] ? (
        <form method="post" action={action("notes")} class="stack">
          <Csrf token={props.csrf} />
          <label for="note-text">{tr("ticket.note_label")}</label>
          <textarea id="note-text" name="text" required maxlength={CASEWORK_LIMITS.noteText}></textarea>
          <button type="submit" class="secondary">
            {tr("ticket.add_note")}
          </button>
        </form>
      ) : null}
    </section>
  );
}
