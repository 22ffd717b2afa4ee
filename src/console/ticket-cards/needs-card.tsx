import { zoneCity } from "../../domain/tickets/describe-safe-times.ts";
import { formatDateTime } from "../layout.tsx";
import { SAFE_KEYS, SAFE_VALUES, consentScopeLabel, detailLabel, detailValue, needLabel } from "./ticket-labels.ts";
import type { TicketPageProps } from "./ticket-page-props.ts";

/** What the person asked for, how and when they may be contacted safely, their consents and details. */
export function NeedsCard(props: TicketPageProps) {
  const { tr, view, lang } = props;
  const { ticket } = props.view;
  return (
    <section class="card" aria-labelledby="h-needs">
      <h2 id="h-needs">{tr("ticket.needs")}</h2>
      {ticket.needs.length ? (
        <p>{ticket.needs.map((n) => needLabel(tr, n)).join(", ")}</p>
      ) : (
        <p class="muted">{tr("ticket.none_given")}</p>
      )}
      <h3>{tr("ticket.safe_contact")}</h3>
      {view.safeContact && Object.keys(view.safeContact).length ? (
        <dl class="facts">
          {Object.entries(view.safeContact).map(([k, v]) => (
            <>
              <dt>{tr(`safe_contact.${k === "timeZone" ? "time_zone" : k in SAFE_KEYS ? k : "other"}`)}</dt>
              <dd>
                {typeof v === "string"
                  ? k === "timeZone"
                    ? zoneCity(v)
                    : SAFE_VALUES.includes(v)
                      ? tr(`safe_contact.values.${v}`)
                      : v
                  : JSON.stringify(v)}
              </dd>
            </>
          ))}
        </dl>
      ) : (
        <p class="muted">{tr("ticket.none_given")}</p>
      )}
      <SafeClocks {...props} />
      <h3>{tr("ticket.consents")}</h3>
      <p>
        {view.shareConsent
          ? tr("ticket.share_yes")
          : view.sharePartnerIds.length
            ? tr("ticket.share_partners", {
                partners: props.partners
                  .filter((p) => view.sharePartnerIds.includes(p.id))
                  .map((p) => p.name)
                  .join(", "),
              })
            : tr("ticket.share_no")}
      </p>
      {view.consents.length ? (
        <ul class="plain small">
          {view.consents.map((c) => (
            <li>
              {consentScopeLabel(tr, c.scope, props.partners)}: {c.granted ? tr("yes") : tr("no")} ·{" "}
              {formatDateTime(lang, c.createdAt)}
            </li>
          ))}
        </ul>
      ) : null}
      {view.details && Object.keys(view.details).length ? (
        <>
          <h3>{tr("ticket.details")}</h3>
          <dl class="facts">
            {Object.entries(view.details).map(([k, v]) => (
              <>
                <dt>{detailLabel(tr, ticket.type, k)}</dt>
                <dd>{detailValue(tr, ticket.type, k, v)}</dd>
              </>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}

/** The person's clock beside the caseworker's, and each safe window on both. */
function SafeClocks(props: TicketPageProps) {
  const { tr } = props;
  const times = props.view.safeTimes;
  if (!times) return null;
  const vars = {
    person: times.personNow,
    personPlace: times.personPlace,
    console: times.consoleNow,
    consolePlace: times.consolePlace,
  };
  return (
    <div class="safe-clocks">
      <p class="small" data-clocks>
        {times.sameZone ? tr("safe_contact.clocks_same", vars) : tr("safe_contact.clocks", vars)}
      </p>
      {times.windows.length && !times.sameZone ? (
        <ul class="plain small">
          {times.windows.map((w) => (
            <li>{tr("safe_contact.window", { person: w.person, console: w.console })}</li>
          ))}
        </ul>
      ) : times.windows.length ? (
        <ul class="plain small">
          {times.windows.map((w) => (
            <li>{w.person}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
