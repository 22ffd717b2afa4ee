import type { CaseWork } from "../casework/case-services.ts";
import { SERVICE_STATUSES, SERVICES } from "../casework/case-services.ts";
import type { Locale } from "../i18n/create-i18n.ts";
import { Csrf, formatDateTime, type Tr } from "./layout.tsx";

/**
 * The ticket page's case-work card: services delivered (with partner, dates, outcome), follow-up reminders,
 * linked tickets and tags. Forms only for whoever may write notes on the ticket.
 */
export function CaseWorkCard(props: {
  tw: Tr;
  lang: Locale;
  csrf: string;
  reference: string;
  work: CaseWork;
  partners: { id: string; name: string }[];
  canEdit: boolean;
  now: Date;
}) {
  const { tw, work, lang } = props;
  const action = (path: string) => `/console/tickets/${props.reference}/${path}`;
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
  return (
    <section class="card stack" aria-labelledby="h-casework">
      <h2 id="h-casework">{tw("case.title")}</h2>

      <h3>{tw("case.services")}</h3>
      {work.services.length ? (
        <ul class="plain">
          {work.services.map((s) => (
            <li>
              <strong>{tw(`case.service.${s.service}`)}</strong> · {tw(`case.status.${s.status}`)}
              {s.partner ? ` · ${s.partner}` : ""}
              {s.startedOn || s.endedOn ? ` · ${day(s.startedOn) || "…"} – ${day(s.endedOn) || "…"}` : ""}
              {s.outcome ? <p class="small">{s.outcome}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">{tw("case.no_services")}</p>
      )}
      {props.canEdit ? (
        <details>
          <summary>{tw("case.add_service")}</summary>
          <form method="post" action={action("services")} class="stack">
            <Csrf token={props.csrf} />
            <label>
              {tw("case.service_label")}
              <select name="service">
                {SERVICES.map((s) => (
                  <option value={s}>{tw(`case.service.${s}`)}</option>
                ))}
              </select>
            </label>
            <label>
              {tw("case.status_label")}
              <select name="status">
                {SERVICE_STATUSES.map((s) => (
                  <option value={s}>{tw(`case.status.${s}`)}</option>
                ))}
              </select>
            </label>
            <label>
              {tw("case.partner")}
              <select name="partnerId">
                <option value="">—</option>
                {props.partners.map((p) => (
                  <option value={p.id}>{p.name}</option>
                ))}
              </select>
            </label>
            <label>
              {tw("case.started")}
              <input type="date" name="startedOn" />
            </label>
            <label>
              {tw("case.ended")}
              <input type="date" name="endedOn" />
            </label>
            <label>
              {tw("case.outcome")}
              <textarea name="outcome" maxlength={2000}></textarea>
            </label>
            <button type="submit" class="secondary">
              {tw("case.save_service")}
            </button>
          </form>
        </details>
      ) : null}

      <h3>{tw("case.follow_ups")}</h3>
      {work.followUps.length ? (
        <ul class="plain">
          {work.followUps.map((f) => (
            <li class={!f.done && f.dueAt <= props.now ? "warn" : ""}>
              {formatDateTime(lang, f.dueAt)} {f.note ? `· ${f.note}` : ""}{" "}
              {f.done ? (
                <span class="badge">{tw("case.done")}</span>
              ) : props.canEdit ? (
                <form method="post" action={action(`follow-ups/${f.id}/done`)} class="inline">
                  <Csrf token={props.csrf} />
                  <button type="submit" class="link">
                    {tw("case.mark_done")}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">{tw("case.no_follow_ups")}</p>
      )}
      {props.canEdit ? (
        <form method="post" action={action("follow-ups")} class="row">
          <Csrf token={props.csrf} />
          <label>
            {tw("case.due")}
            <input type="date" name="due" required />
          </label>
          <label>
            {tw("case.what")}
            <input type="text" name="note" maxlength={500} />
          </label>
          <button type="submit" class="secondary">
            {tw("case.add_follow_up")}
          </button>
        </form>
      ) : null}

      <h3>{tw("case.links")}</h3>
      {work.links.length ? (
        <ul class="plain">
          {work.links.map((l) => (
            <li>
              <a href={`/console/tickets/${l.reference}`}>{l.reference}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">{tw("case.no_links")}</p>
      )}
      {props.canEdit ? (
        <form method="post" action={action("links")} class="row">
          <Csrf token={props.csrf} />
          <label>
            {tw("case.link_label")}
            <input type="text" name="other" required maxlength={32} placeholder="LNT-…" />
          </label>
          <button type="submit" class="secondary">
            {tw("case.link")}
          </button>
        </form>
      ) : null}

      <h3>{tw("case.tags")}</h3>
      {work.tags.length ? (
        <p>
          {work.tags.map((tag) => (
            <span class="chip">{tag}</span>
          ))}
        </p>
      ) : (
        <p class="muted small">{tw("case.no_tags")}</p>
      )}
      {props.canEdit ? (
        <form method="post" action={action("tags")} class="row">
          <Csrf token={props.csrf} />
          <label>
            {tw("case.tags_label")}
            <input type="text" name="tags" value={work.tags.join(", ")} maxlength={600} />
          </label>
          <button type="submit" class="secondary">
            {tw("case.save_tags")}
          </button>
        </form>
      ) : null}
    </section>
  );
}
