import { expect, test } from "vitest";
import { RESEARCHED_DIRECTORY } from "../../src/domain/contacts/help-line-directory.ts";
import { runTurn } from "../../src/engine/run-turn.ts";
import { initialState, type EngineActions, type EngineDeps, type State } from "../../src/engine/types.ts";
import { createI18n } from "../../src/i18n/create-i18n.ts";

/** runTurn with no database: in-memory actions that record what the engine asked for. */
function engine() {
  const asked: string[] = [];
  const { t } = createI18n({ onMissing: (locale, key) => asked.push(`missing ${locale}:${key}`) });
  const actions: EngineActions = {
    recordConsent: async (scope, granted) => void asked.push(`consent ${scope}=${granted}`),
    openTicket: async (request) => {
      asked.push(`ticket ${request.type}`);
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
    findOpenTicket: async () => null,
    reopenRecentTicket: async () => null,
    seal: (value) => JSON.stringify(value),
    unseal: (sealed) => JSON.parse(sealed),
  };
  const deps: EngineDeps = { t, now: () => new Date("2026-11-29T10:00:00Z"), contacts: RESEARCHED_DIRECTORY, actions };
  return { deps, asked };
}

test("outputs are i18n keys and stable choice ids; the state moves language → consent → menu", async () => {
  const { deps, asked } = engine();
  let state: State = initialState("id");
  const first = await runTurn(state, { type: "start" }, deps);
  expect(first.outputs).toEqual([
    {
      key: "language.ask",
      choices: [
        { id: "lang.id", key: "language.id" },
        { id: "lang.en", key: "language.en" },
      ],
    },
  ]);
  state = first.state;
  const second = await runTurn(state, { type: "text", text: "2" }, deps);
  expect(second.state).toMatchObject({ locale: "en", languageChosen: true, step: { name: "consent" } });
  expect(second.outputs.map((o) => o.key)).toEqual(["language.set", "consent.notice"]);
  const third = await runTurn(second.state, { type: "choice", id: "consent.accept" }, deps);
  expect(third.state).toMatchObject({ consent: "granted", step: { name: "menu" } });
  expect(third.outputs.at(-1)?.choices?.map((c) => c.id)).toContain("menu.guidance");
  expect(asked).toEqual(["consent store=true"]);
});

test("the input state is never mutated, so a retried turn starts from the same place", async () => {
  const { deps } = engine();
  const state = initialState("en");
  const frozen = structuredClone(state);
  await runTurn(state, { type: "choice", id: "lang.en" }, deps);
  expect(state).toEqual(frozen);
});

test("danger now is answered before anything else, with an urgent ticket, from any step", async () => {
  const { deps, asked } = engine();
  const state: State = { ...initialState("id"), languageChosen: true, consent: "granted", step: { name: "guidance" } };
  const turn = await runTurn(
    state,
    { type: "text", text: "tolong saya disekap majikan dan dipukul, tidak bisa keluar" },
    deps,
  );
  expect(turn.outputs[0]?.key).toBe("emergency.now");
  expect(String(turn.outputs[0]?.vars?.list)).toContain("110");
  expect(asked).toContain("ticket emergency");
  expect(asked.filter((a) => a.startsWith("missing"))).toEqual([]);
});
