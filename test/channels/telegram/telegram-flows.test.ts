import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  startTelegramHarness,
  type BotMessage,
  type TelegramHarness,
  type TelegramPerson,
} from "./telegram-harness.ts";

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness();
});
afterAll(async () => {
  await h?.close();
});

type Move = { press: string } | { type: string };

/**
 * Plays a whole flow the way a person would on Telegram: each turn reads the bot's last keyboard and
 * either presses a button or types (a number for an option, or words for a question), alternating
 * presses and typed numbers, until the flow is back at the main menu.
 */
async function play(p: TelegramPerson, start: string, answer: (ids: string[], turn: number) => Move) {
  const said: BotMessage[] = [];
  let presses = 0;
  let typedNumbers = 0;
  said.push(...(await p.press(start)));
  presses += 1;
  for (let turn = 0; turn < 60; turn++) {
    const ids = p.lastKeyboard().buttons.map((b) => b.data!);
    if (ids.includes("menu.guidance")) return { said, presses, typedNumbers };
    const move = answer(ids, turn);
    if ("press" in move) {
      // alternate: every other pick of an option is typed as its number
      if (turn % 2 === 1) {
        said.push(...(await p.say(String(ids.indexOf(move.press) + 1))));
        typedNumbers += 1;
      } else {
        said.push(...(await p.press(move.press)));
        presses += 1;
      }
    } else {
      said.push(...(await p.say(move.type)));
    }
  }
  throw new Error(
    `flow did not return to the menu; last keyboard: ${p
      .lastKeyboard()
      .buttons.map((b) => b.data)
      .join(", ")}`,
  );
}

async function onboard(chatId: number, locale: "id" | "en") {
  const p = h.person(chatId, { languageCode: locale });
  await p.say("/start");
  await p.press(`lang.${locale}`);
  await p.press("consent.accept");
  p.replies();
  return p;
}

async function ticketsOf(chatId: number) {
  const contact = await h.lentera.db.contact.findUniqueOrThrow({
    where: {
      channel_channelUserKey: { channel: "telegram", channelUserKey: h.lentera.cipher.lookupKey(String(chatId)) },
    },
  });
  return h.lentera.db.ticket.findMany({ where: { contactId: contact.id } });
}

describe("whole flows on Telegram", () => {
  test("screening: story, questions answered by buttons and typed numbers, needs, safe contact → a ticket", async () => {
    const p = await onboard(9101, "id");
    let pickedNeed = false;
    let toldStory = false;
    const { said, presses, typedNumbers } = await play(p, "menu.help", (ids) => {
      if (ids.includes("ans.yes")) return { press: "ans.yes" };
      if (ids.includes("round.finish")) return { press: "round.finish" };
      if (ids.includes("need.done")) {
        if (pickedNeed) return { press: "need.done" };
        pickedNeed = true;
        return { press: ids[0]! };
      }
      if (ids.includes("share.yes")) return { press: "share.yes" };
      if (ids[0] === "ans.skip" && !ids.includes("ans.yes") && !toldStory) {
        toldStory = true;
        return { type: "Saya kerja di pabrik di Malaysia. Paspor saya ditahan bos dan gaji tidak dibayar tiga bulan." };
      }
      if (ids.includes("ans.skip")) return { press: "ans.skip" };
      return { press: ids[0]! };
    });
    if (process.env.H5_DEBUG)
      console.log(said.map((m) => `${m.text.slice(0, 80)} [${m.buttons.map((b) => b.data).join(",")}]`).join("\n"));
    const [ticket] = await ticketsOf(9101);
    expect(ticket).toMatchObject({ type: "victim_assistance", channel: "telegram" });
    expect(said.map((m) => m.text).join("\n")).toContain(ticket!.reference);
    expect(presses).toBeGreaterThan(2);
    expect(typedNumbers).toBeGreaterThan(1);
    // every press was answered, and every pressed keyboard taken away
    expect(h.api.callsOf("answerCallbackQuery").length).toBeGreaterThanOrEqual(presses);
    expect(h.api.callsOf("editMessageReplyMarkup", 9101).length).toBe(presses + 2);
  });

  test("tracing: the form answered with typed words, buttons and numbers → a tracing ticket", async () => {
    const p = await onboard(9102, "en");
    const answers = [
      "Rina Wati",
      "Rin",
      "23",
      "Cianjur",
      "Asep and Siti",
      "March 2025",
      "Dubai, a house in Al Barsha",
      "a cleaning agency",
      "She stopped answering after she moved",
      "+62 812 0000 1111 after 7 pm",
    ];
    let text = 0;
    const { said } = await play(p, "menu.tracing", (ids) => {
      if (ids.length === 1 && ids[0] === "nav.menu") return { press: "nav.menu" };
      const options = ids.filter((id) => id !== "form.skip" && id !== "form.send" && !id.startsWith("nav."));
      if (options.length === 0) {
        if (text < answers.length) return { type: answers[text++]! };
        return ids.includes("form.send") ? { press: "form.send" } : { press: "form.skip" };
      }
      if (options.some((id) => id.endsWith(".yes"))) return { press: options.find((id) => id.endsWith(".yes"))! };
      return { press: options[0]! };
    });
    expect(text).toBe(answers.length);
    if (process.env.H5_DEBUG)
      console.log(said.map((m) => `${m.text.slice(0, 80)} [${m.buttons.map((b) => b.data).join(",")}]`).join("\n"));
    const [ticket] = await ticketsOf(9102);
    expect(ticket).toMatchObject({ type: "family_tracing", channel: "telegram" });
    expect(said.map((m) => m.text).join("\n")).toContain(ticket!.reference);
  });
});
