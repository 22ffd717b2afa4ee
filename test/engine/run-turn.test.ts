import { expect, test } from "vitest";
import { runTurn } from "../../src/engine/run-turn.ts";
import { initialState, type State } from "../../src/engine/types.ts";
import { engine } from "../support/fake-engine.ts";

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
