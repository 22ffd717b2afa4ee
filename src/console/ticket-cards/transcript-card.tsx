import { TranscriptItems } from "../transcript.tsx";
import type { TicketPageProps } from "./ticket-page-props.ts";

/** The conversation, paged back on request, polled for new messages while on the newest page. */
export function TranscriptCard(props: TicketPageProps) {
  const { tr, view, lang } = props;
  const ref = props.view.ticket.reference;
  const action = (path: string) => `/console/tickets/${ref}/${path}`;
  const cursor = props.view.transcript.at(-1)?.cursor ?? "0";
  return (
    <section class="card" aria-labelledby="h-transcript">
      <h2 id="h-transcript">{tr("ticket.transcript")}</h2>
      {view.erased || view.conversation?.erased ? <p class="warn">{tr("ticket.erased")}</p> : null}
      {view.earlier ? (
        <p>
          <a href={`/console/tickets/${ref}?before=${view.earlier}`}>{tr("ticket.load_earlier")}</a>
        </p>
      ) : null}
      {view.paged ? (
        <p>
          <a href={`/console/tickets/${ref}`}>{tr("ticket.load_newest")}</a>
        </p>
      ) : null}
      <ol
        id="transcript"
        class="transcript"
        aria-live="polite"
        data-cursor={cursor}
        {...(view.paged ? {} : { "data-poll": action("transcript") })}
        data-interval="4000"
      >
        {view.transcript.length === 0 ? (
          <li id="transcript-empty" class="muted">
            {tr("ticket.no_messages")}
          </li>
        ) : null}
        <TranscriptItems tr={tr} lang={lang} messages={view.transcript} reference={ref} />
      </ol>
    </section>
  );
}
