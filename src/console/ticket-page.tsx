import { Layout } from "./layout.tsx";
import { TicketHeaderCard } from "./ticket-cards/ticket-header-card.tsx";
import { TranscriptCard } from "./ticket-cards/transcript-card.tsx";
import { ReplyCard } from "./ticket-cards/reply-card.tsx";
import { NotesCard } from "./ticket-cards/notes-card.tsx";
import { SummaryCard } from "./ticket-cards/summary-card.tsx";
import { AssessmentCard } from "./ticket-cards/assessment-card.tsx";
import { NeedsCard } from "./ticket-cards/needs-card.tsx";
import { StatusCard } from "./ticket-cards/status-card.tsx";
import { ReferralsCard } from "./ticket-cards/referrals-card.tsx";
import { HistoryCard } from "./ticket-cards/history-card.tsx";
import type { TicketPageProps } from "./ticket-cards/ticket-page-props.ts";

export type { TicketPageProps } from "./ticket-cards/ticket-page-props.ts";
export { needLabel } from "./ticket-cards/ticket-labels.ts";

/** One ticket: what is known, the conversation, and every action the caseworker's role allows. */
export function TicketPage(props: TicketPageProps) {
  const { tr, view, lang } = props;
  const { ticket, allowed } = view;
  const ref = ticket.reference;
  const canWrite = allowed["ticket.reply"] && view.conversation && !view.conversation.erased;
  return (
    <Layout
      tr={tr}
      lang={lang}
      title={`${tr("ticket.title")} ${ref}`}
      page="ticket"
      caseworker={props.caseworker}
      csrf={props.csrf}
      {...(props.back ? { back: props.back } : {})}
    >
      <p>
        <a href="/console/queue">← {tr("nav.queue")}</a>
      </p>
      {props.flash ? (
        <p class="flash" role="status">
          {props.flash}
        </p>
      ) : null}
      {props.error ? (
        <p class="flash error" role="alert">
          {props.error}
        </p>
      ) : null}
      <TicketHeaderCard {...props} />

      <div class="grid">
        <div>
          <TranscriptCard {...props} />
          {canWrite ? <ReplyCard {...props} /> : null}
          <NotesCard {...props} />
        </div>

        <div>
          {view.summary ? <SummaryCard {...props} /> : null}
          <AssessmentCard {...props} />
          <NeedsCard {...props} />
          {allowed["ticket.change_status"] ? <StatusCard {...props} /> : null}
          <ReferralsCard {...props} />
          {props.caseWorkCard ?? null}
          <HistoryCard {...props} />
        </div>
      </div>
    </Layout>
  );
}
