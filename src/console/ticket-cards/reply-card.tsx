import { CASEWORK_LIMITS } from "../../casework/casework-action-schemas.ts";
import { Csrf } from "../layout.tsx";
import type { TicketPageProps } from "./ticket-page-props.ts";

/** Writing to the person (it starts or continues the handoff), with the safe-times check, and handing back. */
export function ReplyCard(props: TicketPageProps) {
  const { tr, view } = props;
  const ref = props.view.ticket.reference;
  const action = (path: string) => `/console/tickets/${ref}/${path}`;
  const inHandoff = props.view.conversation?.mode === "human";
  return (
    <section class="card stack" aria-labelledby="h-reply">
      <h2 id="h-reply">{tr("ticket.reply")}</h2>
      {!view.safeNow ? (
        <p class="warn" role="alert">
          {tr("ticket.outside_safe_times")}
        </p>
      ) : null}
      <p class="small muted">{inHandoff ? tr("ticket.reply_help_handoff") : tr("ticket.reply_help_first")}</p>
      {props.cannedPicker ?? null}
      <form method="post" action={action("reply")} class="stack">
        <Csrf token={props.csrf} />
        <label for="reply-text">{tr("ticket.reply_label")}</label>
        <textarea id="reply-text" name="text" required maxlength={CASEWORK_LIMITS.replyText}>
          {props.draft ?? ""}
        </textarea>
        {!view.safeNow || props.confirmSafeTimes ? (
          <label class="inline">
            <input type="checkbox" name="confirmOutsideSafeTimes" value="1" /> {tr("ticket.confirm_outside_safe_times")}
          </label>
        ) : null}
        <button type="submit">{tr("ticket.send")}</button>
      </form>
      {inHandoff ? (
        <form method="post" action={action("hand-back")}>
          <Csrf token={props.csrf} />
          <button type="submit" class="secondary">
            {tr("ticket.hand_back")}
          </button>
        </form>
      ) : null}
    </section>
  );
}
