import { CASEWORK_LIMITS } from "../../casework/casework-action-schemas.ts";
import { Csrf, formatDateTime } from "../layout.tsx";
import { ShareAskForm } from "./share-ask-form.tsx";
import { needLabel } from "./ticket-labels.ts";
import type { TicketPageProps } from "./ticket-page-props.ts";

/** Referrals to partners, their outcomes, and referring (with consent, or an override and its reason). */
export function ReferralsCard(props: TicketPageProps) {
  const { tr, view, lang } = props;
  const { ticket, allowed } = props.view;
  const ref = props.view.ticket.reference;
  const action = (path: string) => `/console/tickets/${ref}/${path}`;
  // partners the person agreed to by name (a yes to a caseworker's question, or at intake)
  const consented = props.partners.filter((p) => view.sharePartnerIds.includes(p.id));
  return (
    <section class="card stack" aria-labelledby="h-referrals" id="referrals-card">
      <h2 id="h-referrals">{tr("ticket.referrals")}</h2>
      {view.referrals.length ? (
        <ul class="plain">
          {view.referrals.map((r) => (
            <li>
              <strong>{r.partner}</strong> · {tr(`referral_status.${r.status}`)} · {formatDateTime(lang, r.createdAt)} ·{" "}
              {r.createdBy}
              <div class="small">
                {r.consent ? tr("ticket.with_consent") : tr("ticket.override", { reason: r.overrideReason ?? "" })}
              </div>
              {r.outcomeNote ? <div class="small">{r.outcomeNote}</div> : null}
              {props.referralDispatch?.(r.id) ?? null}
              {allowed["ticket.refer"] ? (
                <form method="post" action={action(`referrals/${r.id}`)} class="row">
                  <Csrf token={props.csrf} />
                  <select name="status" aria-label={tr("ticket.referral_outcome")}>
                    {["pending", "accepted", "declined", "completed"].map((s) => (
                      <option value={s} selected={s === r.status}>
                        {tr(`referral_status.${s}`)}
                      </option>
                    ))}
                  </select>
                  <input
                    type="text"
                    name="note"
                    maxlength={CASEWORK_LIMITS.referralNote}
                    aria-label={tr("ticket.referral_note")}
                    placeholder={tr("ticket.referral_note")}
                  />
                  <button type="submit" class="secondary">
                    {tr("ticket.save")}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{tr("ticket.no_referrals")}</p>
      )}
      {allowed["ticket.refer"] && ticket.status !== "closed" && !view.shareConsent && consented.length ? (
        <form method="post" action={action("referrals")} class="stack">
          <Csrf token={props.csrf} />
          <label for="partner-consented">{tr("ticket.partner")}</label>
          <select id="partner-consented" name="partnerId" required>
            {consented.map((p) => (
              <option value={p.id}>{p.name}</option>
            ))}
          </select>
          <button type="submit" class="secondary">
            {tr("ticket.refer")} · {tr("ticket.with_consent")}
          </button>
        </form>
      ) : null}
      {allowed["ticket.refer"] &&
      ticket.status !== "closed" &&
      (view.shareConsent || allowed["ticket.refer_override"]) ? (
        <form method="post" action={action("referrals")} class="stack">
          <Csrf token={props.csrf} />
          <label for="partner">{tr("ticket.partner")}</label>
          <select id="partner" name="partnerId" required>
            {props.partners.map((p) => (
              <option value={p.id}>
                {p.name} — {p.services.map((s) => needLabel(tr, s)).join(", ")} ({p.provinces.join(", ")})
              </option>
            ))}
          </select>
          {!view.shareConsent ? (
            <>
              <p class="warn">{tr("ticket.no_consent_override")}</p>
              <label for="override">{tr("ticket.override_reason")}</label>
              <textarea
                id="override"
                name="overrideReason"
                required
                minlength={10}
                maxlength={CASEWORK_LIMITS.overrideReason}
              ></textarea>
            </>
          ) : null}
          <button type="submit" class="secondary">
            {tr("ticket.refer")}
          </button>
        </form>
      ) : allowed["ticket.refer"] && !view.shareConsent && !consented.length ? (
        <p class="muted small">{tr("ticket.no_consent")}</p>
      ) : null}
      <ShareAskForm {...props} />
    </section>
  );
}
