import type { PersonKey } from "../crypto/create-cipher.ts";
import { randomUUID } from "node:crypto";
import { TX_OPTIONS, type Tx } from "../db/create-prisma-client.ts";
import { createWipeJob } from "../domain/privacy/wipe-jobs.ts";
import { createMediaFile } from "../domain/media/media-files.ts";
import { checkMediaLimits, DEFAULT_MEDIA_LIMITS, type MediaVerdict } from "../domain/media/media-limits.ts";
import { openPersonKey, personKeyFor, sealedAt } from "../domain/privacy/person-keys.ts";
import { isWipeRequest } from "../engine/is-wipe-request.ts";
import { runTurn } from "../engine/run-turn.ts";
import { inHandoff, initialState, type Input, type State } from "../engine/types.ts";
import type { LenteraEvent } from "../events/event-bus.ts";
import { recordHandoffEnded } from "./handoff/end-handoff.ts";
import { createEngineActions } from "./create-engine-actions.ts";
import { createKeyedMutex } from "./keyed-mutex.ts";
import { lockContact, type LockedContact } from "./lock-contact.ts";
import { readConversationState } from "./read-state.ts";
import { renderOutputs } from "./render-outputs.ts";
import { saveState } from "./save-state.ts";
import { storeReplies } from "./store-replies.ts";
import type { MessageRow } from "./store-outbound.ts";
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
    const { conversation, key: known } = await findOrStartConversation(tx, inbound);
    const now = deps.now();
    const before = readConversationState(conversation, inbound.localeHint ?? "id");
    // A caseworker has the conversation: the person's words are for them (kept whatever the consent, and
    // the caseworker's console woken); the engine answers only what engine/handoff.ts says it does.
    const forCaseworker = inHandoff(before) && !isWipeRequest(inbound.input, deps.safeWord);
    const {
      actions,
      events,
      erased,
      key: currentKey,
    } = createEngineActions({
      tx,
      contactId: conversation.contactId,
      conversationId: conversation.id,
      channel: inbound.channel,
      now: deps.now,
      cipher: deps.cipher,
      t: deps.t,
      key: known ?? (await personKeyFor(tx, deps.cipher, conversation.contactId)),
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
    // The turn's inbound and outbound rows are sealed with the key the conversation's contact has after the
    // turn (an erasure may have moved the conversation to a fresh contact), and stored with one insert.
    const key = currentKey();
    const consented = forCaseworker || state.consent === "granted";
    const inboundRow = keepsInbound ? describeInbound(conversation.id, inbound, before, consented, key) : undefined;
    const { replies, inbound: stored } = await storeReplies(tx, deps, {
      conversationId: conversation.id,
      channel: inbound.channel,
      outputs,
      locale: state.locale,
      key,
      ...(threadId ? { threadId } : {}),
      ...(inboundRow ? { inbound: inboundRow.row } : {}),
    });
    if (inboundRow?.media) await createMedia(tx, conversation, inbound, inboundRow.row.id, key, verdict);
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

  /** The conversation a message belongs to, and the person key when the lookup read it already. */
  async function findOrStartConversation(
    tx: Tx,
    inbound: Inbound & { conversationId?: string },
  ): Promise<{ conversation: TurnConversation; key?: PersonKey }> {
    if (inbound.conversationId) {
      const conversation = await tx.conversation.findUniqueOrThrow({
        where: { id: inbound.conversationId },
        select: TURN_COLUMNS,
      });
      return { conversation };
    }
    const channelUserKey = deps.cipher.lookupKey(inbound.channelUserId);
    // Idempotent across instances: a new person's first two messages may arrive on two servers at once.
    // The insert skips an existing row (waiting for the other transaction's row if it is not committed yet),
    // and the row lock makes the two turns of one person take turns, whichever server runs them.
    let locked: LockedContact | null = await lockContact(tx, inbound.channel, channelUserKey);
    if (!locked) {
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
      locked = await lockContact(tx, inbound.channel, channelUserKey);
      if (!locked) throw new Error("The contact was neither found nor created.");
    }
    // Whoever writes to the bot has not blocked it (any more): replies go out again.
    if (locked.blocked && inbound.provesReachable)
      await tx.contact.update({ where: { id: locked.contactId }, data: { blockedAt: null } });
    const key = locked.key ? openPersonKey(deps.cipher, locked.key) : undefined;
    const conversation =
      locked.conversation ??
      (await tx.conversation.create({
        data: { contactId: locked.contactId, channel: inbound.channel, state: startState(inbound) as object },
        select: TURN_COLUMNS,
      }));
    return { conversation, ...(key ? { key } : {}) };
  }

  /**
   * The person's message as a row, kept only when they agreed to that; quick-reply taps are not personal and
   * always kept. `media`: the message carries a file, recorded once the row is stored.
   */
  function describeInbound(
    conversationId: string,
    inbound: Inbound,
    state: State,
    consented: boolean,
    key: PersonKey,
  ): { row: MessageRow; media: boolean } {
    const body: MessageBody = describeInput(inbound.input, state, consented);
    const id = randomUUID();
    return {
      media: Boolean(body.media && inbound.media && inbound.input.type === "media"),
      row: {
        id,
        conversationId,
        channel: inbound.channel,
        direction: "inbound",
        author: "person",
        caseworkerId: null,
        bodyEnc: deps.cipher.sealJsonFor(key, body, sealedAt("Message", "bodyEnc", id)),
        channelMessageId: inbound.externalId ?? null,
        channelRefEnc:
          inbound.channelRef === undefined
            ? null
            : deps.cipher.sealJsonFor(key, inbound.channelRef, sealedAt("Message", "channelRefEnc", id)),
        status: "received",
        sentAt: null,
        createdAt: deps.now(),
      },
    };
  }

  /** The file of a stored media message: its download is due (or refused, with the reason). */
  async function createMedia(
    tx: Tx,
    conversation: { id: string; contactId: string },
    inbound: Inbound,
    messageId: string,
    key: PersonKey,
    verdict?: MediaVerdict,
  ) {
    if (!inbound.media || inbound.input.type !== "media") return;
    await createMediaFile(tx, deps.cipher, key, {
      messageId,
      conversationId: conversation.id,
      contactId: conversation.contactId,
      channel: inbound.channel,
      kind: inbound.input.kind,
      media: inbound.media,
      verdict: verdict ?? { status: "accepted" },
      now: deps.now(),
      limits: deps.mediaLimits ?? DEFAULT_MEDIA_LIMITS,
    });
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

/** What a turn reads of its conversation: the state, and what `saveState` guards and compares. */
const TURN_COLUMNS = {
  id: true,
  contactId: true,
  state: true,
  mode: true,
  caseworkerId: true,
  version: true,
} as const;
type TurnConversation = LockedContact["conversation"] & {};

function startState(inbound: Inbound): State {
  const state = initialState(inbound.localeHint ?? "id");
  if (inbound.localeChosen) state.languageChosen = true;
  return state;
}

export type HandleInbound = ReturnType<typeof createInboundHandler>;
