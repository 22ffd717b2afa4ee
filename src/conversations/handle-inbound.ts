import type { PersonKey } from "../crypto/create-cipher.ts";
import { randomUUID } from "node:crypto";
import { TX_OPTIONS, type Tx } from "../db/create-prisma-client.ts";
import { createWipeJob } from "../domain/privacy/wipe-jobs.ts";
import { createMediaFile } from "../domain/media/media-files.ts";
import { checkMediaLimits, DEFAULT_MEDIA_LIMITS, type MediaVerdict } from "../domain/media/media-limits.ts";
import { personKeyFor, personKeyForConversation, sealedAt } from "../domain/privacy/person-keys.ts";
import { isWipeRequest } from "../engine/is-wipe-request.ts";
import { runTurn } from "../engine/run-turn.ts";
import { inHandoff, initialState, type Input, type State } from "../engine/types.ts";
import type { LenteraEvent } from "../events/event-bus.ts";
import { recordHandoffEnded } from "./handoff/end-handoff.ts";
import { createEngineActions } from "./create-engine-actions.ts";
import { createKeyedMutex } from "./keyed-mutex.ts";
import { readConversationState } from "./read-state.ts";
import { renderOutputs } from "./render-outputs.ts";
import { saveState } from "./save-state.ts";
import { storeReplies } from "./store-replies.ts";
import type { ConversationDeps, Inbound, InboundResult, MessageBody } from "./types.ts";

export type { ConversationDeps } from "./types.ts";

const MAX_ATTEMPTS = 5;

class VersionConflict extends Error {}

/**
 * The one way a person's message enters Lentera, whatever the channel: dedupe, find or start the
 * conversation, run the engine, and store the inbound message, the new state and every reply — all in one
 * transaction guarded by the conversation's version, so two messages arriving together are handled one
 * after the other and neither is lost. Replies are stored before any channel tries to deliver them.
 */
export function createInboundHandler(deps: ConversationDeps) {
  const withLock = createKeyedMutex();

  async function handleInbound(inbound: Inbound & { conversationId?: string }): Promise<InboundResult> {
    const lockKey = inbound.conversationId ?? `${inbound.channel}:${deps.cipher.lookupKey(inbound.channelUserId)}`;
    return withLock(lockKey, async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await deps.db.$transaction((tx) => handleInTransaction(tx, inbound), TX_OPTIONS);
        } catch (error) {
          if (!(error instanceof VersionConflict) || attempt >= MAX_ATTEMPTS) throw error;
        }
      }
    }).then(({ result, events }) => {
      if (result.status === "handled" && result.replies.length && inbound.channel !== "web")
        deps.onOutbound?.(inbound.channel);
      for (const event of events) deps.events?.publish(event);
      return result;
    });
  }

  async function handleInTransaction(
    tx: Tx,
    inbound: Inbound & { conversationId?: string },
  ): Promise<{ result: InboundResult; events: LenteraEvent[] }> {
    if (inbound.externalId) {
      const receipt = await tx.inboundReceipt.createMany({
        data: [{ channel: inbound.channel, externalId: inbound.externalId }],
        skipDuplicates: true,
      });
      if (receipt.count === 0) return { result: { status: "duplicate" }, events: [] };
    }
    const first = await handleOne(tx, inbound);
    if (first.result.status !== "handled" || !inbound.followUps?.length) return first;
    const replies = [...first.result.replies];
    const events = [...first.events];
    for (const followUp of inbound.followUps) {
      const { followUps: _, channelRef: __, ...rest } = inbound;
      const next = await handleOne(tx, { ...rest, input: followUp.input, externalId: followUp.externalId });
      if (next.result.status === "handled") replies.push(...next.result.replies);
      events.push(...next.events);
    }
    return { result: { ...first.result, replies }, events };
  }

  async function handleOne(
    tx: Tx,
    inbound: Inbound & { conversationId?: string },
  ): Promise<{ result: InboundResult; events: LenteraEvent[] }> {
    const conversation = await findOrStartConversation(tx, inbound);
    const now = deps.now();
    const before = readConversationState(conversation, inbound.localeHint ?? "id");
    // A caseworker has the conversation: the person's words are for them (kept whatever the consent, and
    // the caseworker's console woken); the engine answers only what engine/handoff.ts says it does.
    const forCaseworker = inHandoff(before) && !isWipeRequest(inbound.input, deps.safeWord);
    const { actions, events, erased } = createEngineActions({
      tx,
      contactId: conversation.contactId,
      conversationId: conversation.id,
      channel: inbound.channel,
      now: deps.now,
      cipher: deps.cipher,
      t: deps.t,
      key: await personKeyFor(tx, deps.cipher, conversation.contactId),
    });
    // A file over the person's limits is not kept; the engine tells them so.
    const verdict = await mediaVerdict(tx, conversation.contactId, inbound);
    const input: Input =
      verdict?.status === "refused" && inbound.input.type === "media"
        ? { ...inbound.input, refused: verdict.reason }
        : inbound.input;
    const { state, outputs } = await runTurn(before, input, {
      t: deps.t,
      now: deps.now,
      contacts: deps.contacts,
      actions,
      ...(deps.safeWord ? { safeWord: deps.safeWord } : {}),
    });

    // Telegram: replies, the caseworker's too, go to the topic the person last wrote in.
    const threadId = inbound.channel === "telegram" ? (inbound.threadId ?? null) : undefined;
    if (
      !(await saveState(tx, conversation, state, {
        lastInboundAt: now,
        ...(threadId !== undefined ? { threadId } : {}),
      }))
    )
      throw new VersionConflict();
    if (state.locale !== before.locale)
      await tx.contact.update({ where: { id: conversation.contactId }, data: { locale: state.locale } });
    if (forCaseworker && !inHandoff(state)) {
      await recordHandoffEnded(tx, {
        conversationId: conversation.id,
        reason: "person_left",
        actor: { type: "person", id: conversation.contactId },
      });
    }

    const wiped = erased();
    if (wiped && (inbound.channel === "telegram" || inbound.channel === "whatsapp")) {
      // Nothing of the person stays with a contact: the wipe's own message and its last replies go to a
      // durable wipe job (sealed under a key of its own), which deletes the chat and then says goodbye.
      const rendered = renderOutputs(outputs, state.locale, deps.t);
      await createWipeJob(tx, deps.cipher, {
        channel: inbound.channel,
        recipient: wiped.recipient,
        deletes: [
          ...wiped.messages,
          ...(inbound.channelRef === undefined
            ? []
            : [
                {
                  direction: "inbound" as const,
                  channelMessageId: inbound.externalId ?? null,
                  channelRef: inbound.channelRef,
                  sentAt: deps.now().toISOString(),
                },
              ]),
        ],
        sends: rendered,
        now: deps.now(),
      });
      return {
        result: { status: "handled", conversationId: conversation.id, contactId: conversation.contactId, replies: [] },
        events,
      };
    }
    // A start carries no words; it is kept only when the channel has a message to delete later (Telegram
    // /start), or for the caseworker.
    const keepsInbound = forCaseworker || inbound.input.type !== "start" || inbound.channelRef !== undefined;
    // The turn's inbound and outbound rows are sealed with one key, looked up once (after the turn: an erasure
    // may have moved the conversation to a fresh contact).
    const key =
      keepsInbound || outputs.length ? await personKeyForConversation(tx, deps.cipher, conversation.id) : undefined;
    const consented = forCaseworker || state.consent === "granted";
    const stored = keepsInbound
      ? await storeInbound(tx, conversation, inbound, before, consented, key, verdict)
      : undefined;
    const replies = await storeReplies(tx, deps, {
      conversationId: conversation.id,
      channel: inbound.channel,
      outputs,
      locale: state.locale,
      ...(key ? { key } : {}),
      ...(threadId ? { threadId } : {}),
    });
    const chatWiped = events.some((event) => event.type === "chat.wiped");
    return {
      result: {
        status: "handled",
        conversationId: conversation.id,
        contactId: conversation.contactId,
        replies,
        ...(stored ? { inbound: stored } : {}),
        ...(chatWiped ? { erased: true as const } : {}),
        ...(state.country && !forCaseworker ? { country: state.country } : {}),
      },
      events: forCaseworker
        ? [
            { type: "message.inbound", conversationId: conversation.id, channel: inbound.channel, mode: "human" },
            ...events,
          ]
        : events,
    };
  }

  async function findOrStartConversation(tx: Tx, inbound: Inbound & { conversationId?: string }) {
    if (inbound.conversationId) {
      return tx.conversation.findUniqueOrThrow({ where: { id: inbound.conversationId } });
    }
    const channelUserKey = deps.cipher.lookupKey(inbound.channelUserId);
    const where = { channel_channelUserKey: { channel: inbound.channel, channelUserKey } };
    // Idempotent across instances: a new person's first two messages may arrive on two servers at once.
    // The insert skips an existing row (waiting for the other transaction's row if it is not committed yet),
    // and the row lock makes the two turns of one person take turns, whichever server runs them.
    if (!(await tx.contact.findUnique({ where, select: { id: true } }))) {
      const id = randomUUID();
      const key = await personKeyFor(tx, deps.cipher, id);
      const created = await tx.contact.createMany({
        data: [
          {
            id,
            channel: inbound.channel,
            channelUserKey,
            channelUserEnc: deps.cipher.sealFor(key, inbound.channelUserId, sealedAt("Contact", "channelUserEnc", id)),
            locale: inbound.localeHint ?? "id",
          },
        ],
        skipDuplicates: true,
      });
      if (created.count === 0) await tx.personKey.deleteMany({ where: { contactId: id } });
    }
    const contact = await tx.contact.findUniqueOrThrow({ where });
    await tx.$executeRaw`SELECT 1 FROM "Contact" WHERE id = ${contact.id} FOR UPDATE`;
    const existing = await tx.conversation.findFirst({
      where: { contactId: contact.id },
      orderBy: { createdAt: "desc" },
    });
    if (existing) return existing;
    return tx.conversation.create({
      data: { contactId: contact.id, channel: inbound.channel, state: startState(inbound) as object },
    });
  }

  /** The person's message, kept only when they agreed to that; quick-reply taps are not personal and always kept. */
  async function storeInbound(
    tx: Tx,
    conversation: { id: string; contactId: string },
    inbound: Inbound,
    state: State,
    consented: boolean,
    known?: PersonKey,
    verdict?: MediaVerdict,
  ) {
    const conversationId = conversation.id;
    const body: MessageBody = describeInput(inbound.input, state, consented);
    const key = known ?? (await personKeyForConversation(tx, deps.cipher, conversationId));
    const id = randomUUID();
    const row = await tx.message.create({
      data: {
        id,
        conversationId,
        channel: inbound.channel,
        direction: "inbound",
        author: "person",
        bodyEnc: deps.cipher.sealJsonFor(key, body, sealedAt("Message", "bodyEnc", id)),
        channelMessageId: inbound.externalId ?? null,
        channelRefEnc:
          inbound.channelRef === undefined
            ? null
            : deps.cipher.sealJsonFor(key, inbound.channelRef, sealedAt("Message", "channelRefEnc", id)),
        status: "received",
        createdAt: deps.now(),
      },
      select: { id: true, seq: true },
    });
    if (body.media && inbound.media && inbound.input.type === "media") {
      await createMediaFile(tx, deps.cipher, key, {
        messageId: id,
        conversationId,
        contactId: conversation.contactId,
        channel: inbound.channel,
        kind: inbound.input.kind,
        media: inbound.media,
        verdict: verdict ?? { status: "accepted" },
        now: deps.now(),
        limits: deps.mediaLimits ?? DEFAULT_MEDIA_LIMITS,
      });
    }
    return row;
  }

  /** Whether a file fits the person's limits (undefined when the message carries none). */
  async function mediaVerdict(tx: Tx, contactId: string, inbound: Inbound): Promise<MediaVerdict | undefined> {
    if (inbound.input.type !== "media" || !inbound.media) return undefined;
    const size = inbound.media.type === "upload" ? inbound.media.bytes.byteLength : inbound.media.announcedBytes;
    return checkMediaLimits(tx, {
      contactId,
      ...(size !== undefined ? { size } : {}),
      now: deps.now(),
      limits: deps.mediaLimits ?? DEFAULT_MEDIA_LIMITS,
    });
  }

  function describeInput(input: Input, state: State, consented: boolean): MessageBody {
    switch (input.type) {
      case "choice": {
        const choice = state.offered.find((c) => c.id === input.id);
        // A choice that was not on offer (an old or forged button) is kept as a tap, never as the person's words.
        return choice ? { text: deps.t(state.locale, choice.key, choice.vars) } : { text: "", withheld: true };
      }
      case "text":
        return consented ? { text: input.text } : { text: "", withheld: true };
      case "media":
        return consented ? { text: "", media: { kind: input.kind, ref: input.ref } } : { text: "", withheld: true };
      case "start":
      case "wipe":
        return { text: "" };
    }
  }

  return handleInbound;
}

function startState(inbound: Inbound): State {
  const state = initialState(inbound.localeHint ?? "id");
  if (inbound.localeChosen) state.languageChosen = true;
  return state;
}

export type HandleInbound = ReturnType<typeof createInboundHandler>;
