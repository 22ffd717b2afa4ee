import { Hono, type Context } from "hono";
import { z } from "zod";
import { addNote } from "../casework/add-note.ts";
import { CaseworkError } from "../casework/casework-error.ts";
import { readShareSignature } from "../casework/describe-share-asks.ts";
import { changeTicketStatus } from "../casework/change-status.ts";
import { claimTicket } from "../casework/claim-ticket.ts";
import { handBack } from "../casework/hand-back.ts";
import { readTranscriptAfter } from "../casework/read-ticket.ts";
import { readMediaFile } from "../casework/read-media-file.ts";
import { reassignTicket } from "../casework/reassign-ticket.ts";
import { referTicket, updateReferral } from "../casework/refer-ticket.ts";
import { releaseTicket } from "../casework/release-ticket.ts";
import { requestShareConsent } from "../casework/request-share-consent.ts";
import { sendCaseworkerMessage } from "../casework/send-caseworker-message.ts";
import { Cursor } from "../http/cursor.ts";
import {
  NoteForm,
  ReassignForm,
  ReferForm,
  ReferralForm,
  ReplyForm,
  ShareConsentForm,
  StatusForm,
} from "./casework-action-forms.ts";
import type { ConsoleEnv } from "./console-env.ts";
import type { OwnConsoleTools } from "./console-tools.ts";
import { renderTicketPage, type TicketPageExtra } from "./render-ticket-page.tsx";
import { readyForLiveView, TranscriptItems } from "./transcript.tsx";
import { cannedDraft } from "./workday-routes.tsx";
import { serveMediaFile } from "./serve-media-file.ts";

/** A file's id in the media route (a UUID; anything else is "not found"). */
const MediaId = z.uuid();

/**
 * One ticket: its page, the transcript's new messages (the page polls them), and every action on it —
 * claim, release, reassign, status, notes, reply, hand back, referrals. Each action calls a casework verb
 * (which checks the permission and audits) and returns to the ticket with a confirmation.
 */
export function createTicketRoutes(tools: OwnConsoleTools) {
  const app = new Hono<ConsoleEnv>();
  const { ctxOf, form, reference, tr } = tools;
  const render = (c: Context<ConsoleEnv>, extra: TicketPageExtra) => renderTicketPage(c, tools, extra);

  app.get("/tickets/:reference", async (c) =>
    c.html(await render(c, { flash: tools.flash(c), ...(await cannedDraft(c, { ctxOf }, reference(c))) })),
  );

  app.get("/tickets/:reference/transcript", async (c) => {
    const cursor = Cursor.optional().safeParse(c.req.query("after") || undefined);
    if (!cursor.success) throw new CaseworkError("invalid", "Not a transcript cursor.", "errors.invalid");
    const after = cursor.data ? BigInt(cursor.data) : 0n;
    // The share state rides along: the page swaps its referrals card when the person answered a question.
    const read = await readTranscriptAfter(ctxOf(c), reference(c), after, {
      onRead: async (ticketId) => void c.header("x-share-state", await readShareSignature(tools.db, ticketId)),
    });
    const messages = read ? readyForLiveView(read, tools.now()) : null;
    if (!messages?.length) return c.body(null, 204);
    c.header("x-cursor", messages.at(-1)!.cursor);
    return c.html(<TranscriptItems tr={tr(c)} lang={c.get("lang")} messages={messages} reference={reference(c)} />);
  });

  // A file the person sent, for whoever may read the transcript; every read is audited.
  app.get("/tickets/:reference/media/:id", async (c) => {
    const id = MediaId.safeParse(c.req.param("id"));
    if (!id.success) throw new CaseworkError("not_found", "No such file.", "errors.media_not_found");
    const file = await readMediaFile(ctxOf(c), reference(c), id.data);
    return serveMediaFile(c, file, { download: c.req.query("download") === "1" });
  });

  const act = (path: string, run: (c: Context<ConsoleEnv>, ref: string) => Promise<string | Response>) =>
    app.post(`/tickets/:reference/${path}`, async (c) => {
      const ref = reference(c);
      const done = await run(c, ref);
      return typeof done === "string" ? c.redirect(`/console/tickets/${ref}?done=${done}`, 303) : done;
    });

  act("claim", async (c, ref) => (await claimTicket(ctxOf(c), { reference: ref }), "claimed"));
  act("release", async (c, ref) => (await releaseTicket(ctxOf(c), { reference: ref }), "released"));
  act(
    "reassign",
    async (c, ref) => (
      await reassignTicket(ctxOf(c), { reference: ref, ...(await form(c, ReassignForm)) }),
      "reassigned"
    ),
  );
  act("status", async (c, ref) => {
    const body = await form(c, StatusForm);
    await changeTicketStatus(ctxOf(c), {
      reference: ref,
      status: body.status,
      ...(body.outcome ? { outcome: body.outcome } : {}),
      ...(body.outcomeNote ? { outcomeNote: body.outcomeNote } : {}),
    });
    return "status";
  });
  act(
    "notes",
    async (c, ref) => (await addNote(ctxOf(c), { reference: ref, text: (await form(c, NoteForm)).text }), "note"),
  );
  act("reply", async (c, ref) => {
    const body = await form(c, ReplyForm);
    const sent = await sendCaseworkerMessage(ctxOf(c), {
      reference: ref,
      text: body.text,
      outsideSafeTimesConfirmed: body.outsideSafeTimesConfirmed === true,
    });
    if (sent.status === "sent") return "sent";
    return c.html(
      await render(c, { error: tr(c)("ticket.held_outside_safe_times"), draft: body.text, confirmSafeTimes: true }),
      409,
    );
  });
  act("share-consent", async (c, ref) => {
    const body = await form(c, ShareConsentForm);
    const asked = await requestShareConsent(ctxOf(c), {
      reference: ref,
      partnerId: body.partnerId,
      outsideSafeTimesConfirmed: body.outsideSafeTimesConfirmed === true,
    });
    if (asked.status === "asked") return "share_asked";
    return c.html(
      await render(c, {
        error: tr(c)("ticket.held_outside_safe_times"),
        confirmShareAsk: body.partnerId,
      }),
      409,
    );
  });
  act("hand-back", async (c, ref) => (await handBack(ctxOf(c), { reference: ref }), "handed_back"));
  act("referrals", async (c, ref) => {
    const body = await form(c, ReferForm);
    await referTicket(ctxOf(c), {
      reference: ref,
      partnerId: body.partnerId,
      email: Boolean(tools.referrals),
      ...(body.overrideReason ? { overrideReason: body.overrideReason } : {}),
    });
    void tools.referrals?.kick();
    return "referred";
  });
  app.post("/tickets/:reference/referrals/:referralId", async (c) => {
    const ref = reference(c);
    const body = await form(c, ReferralForm);
    await updateReferral(ctxOf(c), {
      reference: ref,
      referralId: c.req.param("referralId"),
      status: body.status,
      ...(body.note ? { note: body.note } : {}),
    });
    return c.redirect(`/console/tickets/${ref}?done=referral_updated`, 303);
  });

  return app;
}
