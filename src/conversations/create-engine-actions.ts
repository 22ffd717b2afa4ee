import type { Tx } from "../db/create-prisma-client.ts";
import { CONSENT_NOTICE_VERSION } from "../engine/flows/consent.ts";
import type { EngineActions } from "../engine/types.ts";
import type { LenteraEvent } from "../events/event-bus.ts";

export type ActionScope = { tx: Tx; contactId: string; conversationId: string; now: () => Date };

/**
 * The engine's side effects, written in the same transaction as the turn that asked for them. Events they
 * produce are collected in `events` and published by the conversation service only after the commit.
 */
export function createEngineActions(scope: ActionScope): { actions: EngineActions; events: LenteraEvent[] } {
  const events: LenteraEvent[] = [];
  const actions: EngineActions = {
    async recordConsent(consentScope, granted) {
      await scope.tx.consent.create({
        data: { contactId: scope.contactId, scope: consentScope, granted, notice: CONSENT_NOTICE_VERSION, createdAt: scope.now() },
      });
    },
  };
  return { actions, events };
}
