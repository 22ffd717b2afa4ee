import { NAV_MENU } from "../choices.ts";
import type { Flow, Turn } from "../turn.ts";
import type { Choice } from "../types.ts";

const CHOICES: Choice[] = [
  { id: "data.erase", key: "privacy:mydata.erase" },
  { id: "data.withdraw", key: "privacy:mydata.withdraw" },
  NAV_MENU,
];

/**
 * "data saya" / "my data": what Lentera holds about the person — how many messages, which permissions
 * they gave and when, their tickets by reference and status and what each keeps — with the way to delete
 * it or withdraw a permission.
 */
export const myDataFlow: Flow<{ name: "my_data" }> = {
  async enter(turn) {
    const data = await turn.deps.actions.describeData();
    const date = (at: Date) =>
      at.toLocaleDateString(turn.locale === "id" ? "id-ID" : "en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
      });
    const lines = [
      turn.t("privacy:mydata.messages", { fromPerson: data.messages.fromPerson, toPerson: data.messages.toPerson }),
    ];
    for (const [scope, consent] of Object.entries(data.consents)) {
      const what = turn.t(scope === "store" ? "privacy:scope.store" : "privacy:scope.share");
      lines.push(
        turn.t(consent.granted ? "privacy:mydata.consent_given" : "privacy:mydata.consent_refused", {
          what,
          date: date(consent.at),
        }),
      );
    }
    if (data.tickets.length === 0) lines.push(turn.t("privacy:mydata.no_tickets"));
    for (const ticket of data.tickets) {
      lines.push(
        turn.t("privacy:mydata.ticket", {
          reference: ticket.reference,
          type: turn.t(`tickets:type.${ticket.type}`),
          status: turn.t(`tickets:status.${ticket.status}`),
          kept: ticket.details.map((d) => turn.t(`privacy:kept.${d}`)).join(", ") || "-",
        }),
      );
    }
    turn.say("privacy:mydata.intro", { list: lines.join("\n") });
    turn.ask("privacy:mydata.ask", CHOICES);
  },
  async handle(turn: Turn, _step, input) {
    if (input.type === "choice" && input.id === "data.erase") return turn.go({ name: "erase_confirm" });
    if (input.type === "choice" && input.id === "data.withdraw") return turn.go({ name: "withdraw_consent" });
    await turn.go({ name: "menu" });
  },
};
