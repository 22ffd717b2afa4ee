import { beforeEach, describe, expect, test, vi } from "vitest";
import { RESEARCHED_DIRECTORY } from "../../src/domain/contacts/help-line-directory.ts";
import type { EngineActions, EngineDeps, State } from "../../src/engine/types.ts";
import { createI18n } from "../../src/i18n/create-i18n.ts";

// The screening itself, counted: a message during a handoff is screened once.
vi.mock(import("../../src/domain/screening/index.ts"), async (importOriginal) => {
  const original = await importOriginal();
  return { ...original, assessText: vi.fn(original.assessText) };
});
// Files share a worker (vitest.config.ts, isolate: false): the engine may already be loaded with the real
// screening, so it is loaded afresh here, against the mock.
vi.resetModules();
const { assessText } = await import("../../src/domain/screening/index.ts");
const { runTurn } = await import("../../src/engine/run-turn.ts");
const { initialState } = await import("../../src/engine/types.ts");

const SAFE_WORD = "pisang goreng";

/** runTurn with no database: in-memory actions that record what the engine asked for. */
function engine() {
  const asked: string[] = [];
  const { t } = createI18n({ onMissing: (locale, key) => asked.push(`missing ${locale}:${key}`) });
  const actions: EngineActions = {
    recordConsent: async (scope, granted) => void asked.push(`consent ${scope}=${granted}`),
    answerShareAsk: async (ask, granted) => void asked.push(`share ${ask.partnerId}@${ask.ticketId}=${granted}`),
    openTicket: async (request) => {
      asked.push(`ticket ${request.type} ${request.priority ?? "normal"}`);
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
  const deps: EngineDeps = {
    t,
    now: () => new Date("2026-11-29T10:00:00Z"),
    contacts: RESEARCHED_DIRECTORY,
    actions,
    safeWord: SAFE_WORD,
  };
  return { deps, asked, missing: () => asked.filter((a) => a.startsWith("missing")) };
}

/** A person waiting for a caseworker (they asked for a person), the menu button on offer. */
const waiting: State = {
  ...initialState("id"),
  languageChosen: true,
  consent: "granted",
  step: { name: "talk" },
  offered: [{ id: "nav.menu", key: "nav.menu" }],
};

/** The same person once a caseworker has joined. */
async function withCaseworker(deps: EngineDeps, from: State = waiting): Promise<State> {
  return (await runTurn(from, { type: "caseworker_joined", name: "Rina" }, deps)).state;
}

beforeEach(() => {
  vi.mocked(assessText).mockClear();
});

describe("a caseworker joining and leaving, as engine inputs", () => {
  test("joining: the person is told the caseworker's first name, the mode is human, the step stays", async () => {
    const { deps, asked, missing } = engine();
    const { state, outputs } = await runTurn(waiting, { type: "caseworker_joined", name: "Rina" }, deps);
    expect(outputs).toEqual([{ key: "handoff:joined", vars: { name: "Rina" }, system: true }]);
    expect(state).toEqual({ ...waiting, mode: "human", offered: [] });
    expect(asked).toEqual([]);
    expect(missing()).toEqual([]);
  });

  test("another caseworker joining (a reassignment) tells the person the new name", async () => {
    const { deps } = engine();
    const held = await withCaseworker(deps);
    const { state, outputs } = await runTurn(held, { type: "caseworker_joined", name: "Maya" }, deps);
    expect(outputs).toEqual([{ key: "handoff:joined", vars: { name: "Maya" }, system: true }]);
    expect(state.mode).toBe("human");
  });

  test("leaving: the person is told, is back at the menu with its button, and the flows answer again", async () => {
    const { deps } = engine();
    const held = await withCaseworker(deps);
    const left = await runTurn(held, { type: "caseworker_left" }, deps);
    expect(left.outputs).toEqual([
      { key: "handoff:left", choices: [{ id: "nav.menu", key: "nav.menu" }], system: true },
    ]);
    expect(left.state).toMatchObject({ mode: "bot", step: { name: "menu" }, offered: [{ id: "nav.menu" }] });
    const menu = await runTurn(left.state, { type: "text", text: "menu" }, deps);
    expect(menu.outputs.at(-1)?.choices?.map((c) => c.id)).toContain("menu.guidance");
  });

  test("leaving when no caseworker has the conversation says nothing and changes nothing", async () => {
    const { deps } = engine();
    const turn = await runTurn(waiting, { type: "caseworker_left" }, deps);
    expect(turn.outputs).toEqual([]);
    expect(turn.state).toEqual(waiting);
  });
});

describe("the person's messages while a caseworker has the conversation", () => {
  test("words, a photo, a start and an old button are for the caseworker: nothing is said, nothing screened twice", async () => {
    const { deps, asked } = engine();
    const held = await withCaseworker(deps);
    for (const input of [
      { type: "text", text: "iya saya aman, bos ambil paspor saya" },
      { type: "text", text: "help" },
      { type: "media", kind: "photo", ref: "file-1" },
      { type: "start" },
      { type: "choice", id: "menu.guidance" },
    ] as const) {
      const turn = await runTurn(held, input, deps);
      expect(turn.outputs, input.type).toEqual([]);
      expect(turn.state).toEqual(held);
    }
    expect(vi.mocked(assessText)).toHaveBeenCalledTimes(1);
    expect(asked).toEqual([]);
  });

  test("'menu' asks before leaving; staying keeps the caseworker, leaving goes back to the menu", async () => {
    const { deps, missing } = engine();
    const held = await withCaseworker(deps);
    const asked = await runTurn(held, { type: "text", text: "menu" }, deps);
    const question = {
      key: "handoff:ask_leave",
      choices: [
        { id: "handoff.stay", key: "handoff:stay" },
        { id: "handoff.leave", key: "handoff:leave" },
      ],
      system: true,
    };
    expect(asked.outputs).toEqual([question]);
    expect(asked.state.mode).toBe("human");
    // the menu button does the same
    expect((await runTurn(held, { type: "choice", id: "nav.menu" }, deps)).outputs).toEqual([question]);

    const stayed = await runTurn(asked.state, { type: "text", text: "1" }, deps);
    expect(stayed.outputs).toEqual([{ key: "handoff:staying", system: true }]);
    expect(stayed.state).toMatchObject({ mode: "human", step: { name: "talk" }, offered: [] });

    const left = await runTurn(asked.state, { type: "choice", id: "handoff.leave" }, deps);
    expect(left.outputs).toEqual([
      { key: "handoff:you_left", choices: [{ id: "nav.menu", key: "nav.menu" }], system: true },
    ]);
    expect(left.state).toMatchObject({ mode: "bot", step: { name: "menu" } });
    expect(missing()).toEqual([]);
  });

  test("'darurat' gives the emergency numbers and an urgent ticket at once; the caseworker stays", async () => {
    const { deps, asked } = engine();
    const held = await withCaseworker(deps);
    const turn = await runTurn(held, { type: "text", text: "darurat" }, deps);
    expect(turn.outputs[0]?.key).toBe("emergency.now");
    expect(String(turn.outputs[0]?.vars?.list)).toContain("110");
    expect(turn.outputs.at(-1)).toEqual({ key: "emergency.after", choices: [{ id: "nav.menu", key: "nav.menu" }] });
    expect(asked).toEqual(["ticket emergency urgent"]);
    expect(turn.state).toMatchObject({ mode: "human", step: { name: "talk" }, emergencyShown: true });
    // the way back offered after it still asks before leaving the caseworker
    expect((await runTurn(turn.state, { type: "text", text: "1" }, deps)).outputs[0]?.key).toBe("handoff:ask_leave");
  });

  test("words that signal danger now are screened once: numbers for where the person is, an urgent ticket, the caseworker stays", async () => {
    const { deps, asked, missing } = engine();
    const held = await withCaseworker(deps);
    const turn = await runTurn(
      held,
      { type: "text", text: "tolong saya dikunci di kamar sama majikan di Riyadh, gak dikasih makan dari kemarin" },
      deps,
    );
    expect(vi.mocked(assessText)).toHaveBeenCalledTimes(1);
    expect(turn.outputs[0]?.key).toBe("emergency.now");
    expect(turn.outputs.every((o) => !o.system)).toBe(true);
    expect(asked).toEqual(["ticket emergency urgent"]);
    expect(turn.state).toMatchObject({ mode: "human", step: { name: "talk" }, country: "SA" });
    expect(missing()).toEqual([]);
  });

  test.each([
    ["hapus", "erase_confirm", "privacy:erase.confirm"],
    ["data saya", "my_data", undefined],
    ["cabut izin", "withdraw_consent", undefined],
  ])(
    "'%s' does not wait: the person leaves the caseworker (told so) and the data-rights flow answers",
    async (text, step, key) => {
      const { deps, missing } = engine();
      const held = await withCaseworker(deps);
      const turn = await runTurn(held, { type: "text", text }, deps);
      expect(turn.outputs[0]).toEqual({
        key: "handoff:you_left",
        choices: [{ id: "nav.menu", key: "nav.menu" }],
        system: true,
      });
      expect(turn.outputs.length).toBeGreaterThan(1);
      expect(turn.outputs.slice(1).every((o) => !o.system)).toBe(true);
      if (key) expect(turn.outputs.at(-1)?.key).toBe(key);
      expect(turn.state).toMatchObject({ mode: "bot", step: { name: step } });
      expect(missing()).toEqual([]);
    },
  );

  test("the safe word wipes at once, as anywhere: no caseworker any more, the conversation starts afresh", async () => {
    const { deps, asked } = engine();
    const held = await withCaseworker(deps);
    const turn = await runTurn(held, { type: "text", text: "Pisang Goreng!" }, deps);
    expect(asked).toEqual(["erase"]);
    expect(turn.outputs).toEqual([{ key: "privacy:wiped" }]);
    expect(turn.state.mode).not.toBe("human");
    expect(turn.state).toMatchObject({ consent: null, step: { name: "consent" } });
  });
});

describe("one screening per message, outside a handoff too", () => {
  /** calls of the screening on the message itself (a case draft's assessment reads the whole story and answers) */
  const screeningsOf = (text: string) =>
    vi.mocked(assessText).mock.calls.filter(([input]) => input.text === text && input.answers === undefined).length;

  test("a story at the menu is screened for danger and routed on one reading", async () => {
    const { deps } = engine();
    const atMenu: State = { ...waiting, step: { name: "menu" }, offered: [] };
    const text = "saya dijanjikan kerja di restoran tapi paspor saya ditahan agen dan gaji tidak dibayar";
    const turn = await runTurn(atMenu, { type: "text", text }, deps);
    expect(turn.state.step.name).toBe("screening");
    expect(screeningsOf(text)).toBe(1);
  });

  test("danger words at the menu are screened once and answered once", async () => {
    const { deps, asked } = engine();
    const atMenu: State = { ...waiting, step: { name: "menu" }, offered: [] };
    const text = "tolong saya disekap majikan dan dipukul, tidak bisa keluar";
    const turn = await runTurn(atMenu, { type: "text", text }, deps);
    expect(turn.outputs[0]?.key).toBe("emergency.now");
    expect(asked.filter((a) => a.startsWith("ticket"))).toEqual(["ticket emergency urgent"]);
    expect(screeningsOf(text)).toBe(1);
  });
});
