import type { Context } from "hono";
import { listCannedReplies } from "../casework/canned-replies.ts";
import { readCaseWork } from "../casework/case-services.ts";
import { markTicketRead } from "../casework/console-updates.ts";
import { listActiveCaseworkers } from "../casework/list-caseworkers.ts";
import { listPartners } from "../casework/list-partners.ts";
import { listReferralDispatches } from "../casework/list-referral-dispatches.ts";
import { readTicket } from "../casework/read-ticket.ts";
import { CaseWorkCard } from "./case-work-card.tsx";
import type { ConsoleEnv } from "./console-env.ts";
import type { OwnConsoleTools } from "./console-tools.ts";
import { TicketPage } from "./ticket-page.tsx";
import { CannedReplyPicker, ReferralDispatch } from "./workday-pages.tsx";

export type TicketPageExtra = {
  flash?: string | undefined;
  error?: string;
  draft?: string;
  confirmSafeTimes?: boolean;
  confirmShareAsk?: string;
};

/**
 * One ticket's page: reads it through casework (which checks the permission and audits the read), marks it
 * read for its holder, and loads what its cards offer (partners, accounts to reassign to, canned replies,
 * case work, how each referral went out).
 */
export async function renderTicketPage(
  c: Context<ConsoleEnv>,
  tools: Pick<OwnConsoleTools, "db" | "t" | "now" | "ctxOf" | "page" | "reference" | "twFor">,
  extra: TicketPageExtra,
) {
  const { db } = tools;
  const ctx = tools.ctxOf(c);
  const before = c.req.query("before");
  const view = await readTicket(
    ctx,
    tools.reference(c),
    "view",
    before && /^\d{1,19}$/.test(before) ? { before: BigInt(before) } : {},
  );
  if (view.ticket.assigneeId === ctx.actor.id)
    await markTicketRead(db, { ticketId: view.ticket.id, caseworkerId: ctx.actor.id, now: tools.now() });
  const [partners, caseworkers, canned, caseWork, dispatches] = await Promise.all([
    listPartners(db, { activeOnly: true }),
    view.allowed["ticket.reassign"] ? listActiveCaseworkers(db) : Promise.resolve([]),
    view.allowed["ticket.reply"] ? listCannedReplies(db, { activeOnly: true }) : Promise.resolve([]),
    readCaseWork(ctx, view.ticket),
    listReferralDispatches(db, view.ticket.id),
  ]);
  const lang = c.get("lang");
  const csrf = c.get("session").csrfToken;
  return (
    <TicketPage
      cannedPicker={<CannedReplyPicker tw={tools.twFor(lang)} reference={view.ticket.reference} replies={canned} />}
      referralDispatch={(id) => {
        const dispatch = dispatches.find((d) => d.id === id);
        return dispatch ? (
          <ReferralDispatch
            t={tools.t}
            lang={lang}
            csrf={csrf}
            reference={view.ticket.reference}
            referral={dispatch}
            canRefer={view.allowed["ticket.refer"]}
          />
        ) : null;
      }}
      caseWorkCard={
        <CaseWorkCard
          tw={tools.twFor(lang)}
          lang={lang}
          csrf={csrf}
          reference={view.ticket.reference}
          work={caseWork}
          partners={partners}
          canEdit={view.allowed["ticket.note"]}
          now={tools.now()}
        />
      }
      {...tools.page(c)}
      back={`/console/tickets/${view.ticket.reference}`}
      view={view}
      partners={partners}
      caseworkers={caseworkers}
      now={tools.now()}
      {...(extra.flash ? { flash: extra.flash } : {})}
      {...(extra.error ? { error: extra.error } : {})}
      {...(extra.draft ? { draft: extra.draft } : {})}
      {...(extra.confirmSafeTimes ? { confirmSafeTimes: true } : {})}
      {...(extra.confirmShareAsk ? { confirmShareAsk: extra.confirmShareAsk } : {})}
    />
  );
}
