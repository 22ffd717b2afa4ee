import { shareSignature } from "../../casework/describe-share-asks.ts";
import { Csrf, formatDateTime } from "../layout.tsx";
import type { TicketPageProps } from "./ticket-page-props.ts";

/**
 * Inside the referrals card: the share questions asked from this ticket and their answers, and asking the
 * person for consent for a named partner (through their channel; the holder of the ticket only). The list
 * carries its state in `data-share-state`: the page swaps the card when the transcript poll says it changed.
 */
export function ShareAskForm(props: TicketPageProps) {
  const { tr, view, lang } = props;
  const ref = view.ticket.reference;
  const partnerName = (id: string) => props.partners.find((p) => p.id === id)?.name ?? "?";
  const canAsk =
    view.allowed["ticket.reply"] &&
    view.ticket.status !== "closed" &&
    view.conversation !== null &&
    !view.conversation.erased &&
    !view.shareConsent;
  const askable = props.partners.filter((p) => !view.sharePartnerIds.includes(p.id));
  return (
    <div class="stack" id="share-asks" data-share-state={shareSignature(view)}>
      {view.shareAsks.length ? (
        <ul class="plain small" aria-label={tr("ticket.share_ask_title")}>
          {view.shareAsks.map((ask) => (
            <li data-share-ask={ask.status}>
              {tr(`ticket.share_ask_${ask.status}`, {
                partner: partnerName(ask.partnerId),
                when: formatDateTime(lang, ask.answeredAt ?? ask.askedAt),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {canAsk && askable.length ? (
        <form method="post" action={`/console/tickets/${ref}/share-consent`} class="stack">
          <Csrf token={props.csrf} />
          <h3>{tr("ticket.share_ask_title")}</h3>
          <p class="small muted">{tr("ticket.share_ask_help")}</p>
          {!view.safeNow ? (
            <p class="warn" role="alert">
              {tr("ticket.outside_safe_times")}
            </p>
          ) : null}
          <label for="share-partner">{tr("ticket.partner")}</label>
          <select id="share-partner" name="partnerId" required>
            {askable.map((p) => (
              <option value={p.id} selected={p.id === props.confirmShareAsk}>
                {p.name}
              </option>
            ))}
          </select>
          {!view.safeNow || props.confirmShareAsk ? (
            <label class="inline">
              <input type="checkbox" name="confirmOutsideSafeTimes" value="1" />{" "}
              {tr("ticket.confirm_outside_safe_times")}
            </label>
          ) : null}
          <button type="submit" class="secondary">
            {tr("ticket.share_ask_submit")}
          </button>
        </form>
      ) : null}
    </div>
  );
}
