import { RESEARCHED_DIRECTORY } from "../../src/domain/contacts/help-line-directory.ts";
import { runTurn } from "../../src/engine/run-turn.ts";
import type { EngineActions, EngineDeps, Input, Output, State } from "../../src/engine/types.ts";
import { createI18n } from "../../src/i18n/create-i18n.ts";

/**
 * runTurn with no database: in-memory actions that record what the engine asked for (`asked`), and the
 * ticket requests it made (`tickets`; the last of a type is the one still open). `now` is the engine's clock.
 */
export function engine(now = new Date("2026-11-29T10:00:00Z")) {
  const asked: string[] = [];
  const tickets: Parameters<EngineActions["openTicket"]>[0][] = [];
  const { t } = createI18n({ onMissing: (locale, key) => asked.push(`missing ${locale}:${key}`) });
  const actions: EngineActions = {
    recordConsent: async (scope, granted) => void asked.push(`consent ${scope}=${granted}`),
    answerShareAsk: async (ask, granted) => void asked.push(`share ${ask.partnerId}@${ask.ticketId}=${granted}`),
    openTicket: async (request) => {
      asked.push(`ticket ${request.type}`);
      tickets.push(request);
      return {
        status: "created",
        id: "t1",
        reference: "LNT-TEST22",
        type: request.type,
        priority: request.priority ?? "normal",
        indicatorIds: [],
      };
    },
    describeData: async () => ({
      since: new Date(0),
      messages: { fromPerson: 0, toPerson: 0 },
      consents: {},
      tickets: [],
    }),
    erase: async () => void asked.push("erase"),
    listPartners: async () => [],
    // the last ticket opened of those types stands for the one still open
    findOpenTicket: async (types) => {
      const open = tickets.findLast((t) => types.includes(t.type));
      return open ? { reference: "LNT-TEST22", type: open.type } : null;
    },
    reopenRecentTicket: async () => null,
    seal: (value) => JSON.stringify(value),
    unseal: (sealed) => JSON.parse(sealed),
  };
  const deps: EngineDeps = { t, now: () => now, contacts: RESEARCHED_DIRECTORY, actions };
  return { deps, asked, tickets, t };
}

/** A conversation driven turn by turn through runTurn; each call gives that turn's outputs. */
export function engineChat(start: State, now?: Date) {
  const fake = engine(now);
  let state = start;
  const send = async (input: Input): Promise<Output[]> => {
    const result = await runTurn(state, input, fake.deps);
    state = result.state;
    return result.outputs;
  };
  return {
    ...fake,
    get state() {
      return state;
    },
    start: () => send({ type: "start" }),
    say: (text: string) => send({ type: "text", text }),
    tap: (id: string) => send({ type: "choice", id }),
    /** the texts of outputs, in the state's language */
    text: (outputs: Output[]) => outputs.map((o) => fake.t(state.locale, o.key, o.vars)).join("\n"),
  };
}
