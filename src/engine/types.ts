import type { Locale, Translate, Vars } from "../i18n/create-i18n.ts";
import type { HelpLineDirectory } from "../domain/contacts/help-line-directory.ts";
import type { PersonData } from "../domain/privacy/describe-person-data.ts";
import type { OpenedTicket, TicketRequest } from "../domain/tickets/ticket-request.ts";

export type { Locale, Vars };

/** A quick reply: a stable id the channels send back, and the i18n key of its label. */
export type Choice = { id: string; key: string; vars?: Vars };

/**
 * One message to the person: an i18n key (namespace "chat" unless prefixed) and, optionally, quick replies.
 * `system`: a notice about the conversation itself (a caseworker joined or left), kept as a system message
 * rather than as the assistant's words.
 */
export type Output = { key: string; vars?: Vars; choices?: Choice[]; system?: true };

/** What arrives from any channel, already decoded by its adapter. */
export type Input =
  | { type: "start" }
  | { type: "text"; text: string }
  /** a quick reply; `extra` is the whole typed message when it said more than the answer ("iya, dipegang kapten") */
  | { type: "choice"; id: string; extra?: string }
  /** a file; `refused`: it is not kept (over the person's daily limits, or too large), and they are told */
  | {
      type: "media";
      kind: "photo" | "document" | "voice" | "video" | "other";
      ref: string;
      refused?: "count_limit" | "bytes_limit" | "too_large";
    }
  /** a channel's panic command (Telegram /hapus, the configured SAFE_WORD): erase at once, no questions */
  | { type: "wipe" };

/**
 * What casework tells the engine about a conversation: a caseworker took it over (their first message, or a
 * reassignment; `name` is the first name the person is told), or gave it back to Lentera's flows.
 */
export type CaseworkerInput =
  | { type: "caseworker_joined"; name: string }
  | { type: "caseworker_left" }
  | ShareConsentAsked;

/**
 * A caseworker asks the person, from their ticket, whether their case may go to one named partner: `name`
 * is the caseworker's first name, `services` the partner's kinds of help (the needs vocabulary).
 */
export type ShareConsentAsked = {
  type: "share_consent_asked";
  name: string;
  ticketId: string;
  partner: { id: string; name: string; services: readonly string[] };
};

/** A share question a caseworker asked and the person has not answered yet (engine/share-request.ts). */
export type PendingShareAsk = {
  partnerId: string;
  partner: string;
  ticketId: string;
  /** the quick replies on offer before the question: back on offer once it is answered or passed over */
  resume: Choice[];
};

/** One turn's input: the person's message, or a caseworker joining or leaving. */
export type TurnInput = Input | CaseworkerInput;

/**
 * Who answers the person: Lentera's flows, or a caseworker who has joined. While a caseworker has the
 * conversation the flows stand aside; only "menu", the emergency keyword, danger now, the data-rights words
 * and the safe word answer (engine/handoff.ts).
 */
export type Mode = "bot" | "human";

/** Where the conversation stands. Each flow owns its variants. */
export type Step =
  | { name: "language" }
  | { name: "consent" }
  | { name: "menu" }
  | { name: "guidance" }
  | { name: "contacts" }
  /** get help: the person's story, then a few questions at a time; `draft` is sealed (see EngineActions.seal) */
  | { name: "screening"; phase: "story" | "question"; question?: string; asked: number; draft: string }
  | { name: "needs"; draft: string }
  | { name: "safe_contact"; phase: "method" | "number" | "time" | "share"; draft: string }
  /**
   * a form of short optional questions: family tracing or a recruiter report. `phase`: absent while the
   * questions are asked in turn; "review" shows the answers before sending, "pick" asks which one to
   * correct, "fix" asks that one again (then back to the review)
   */
  | {
      name: "form";
      form: "tracing" | "report";
      field: number;
      draft: string;
      phase?: "review" | "pick" | "fix";
      /** why this field's answer was asked for again: the same problem twice keeps the answer as written */
      recheck?: string;
    }
  | { name: "talk" }
  | { name: "my_data" }
  | { name: "erase_confirm" }
  /**
   * where the person is (country, city): asked once after an emergency when their words did not say;
   * `resume` is the step the conversation was at, where it goes back to after the answer
   */
  | { name: "place"; resume: Step }
  | { name: "withdraw_consent" };

export type ConsentState = "granted" | "declined" | null;

export type State = {
  version: 1;
  locale: Locale;
  languageChosen: boolean;
  /** consent to store what the person tells us (their messages and answers) */
  consent: ConsentState;
  step: Step;
  /** the quick replies last offered: a typed number or label selects one of them */
  offered: Choice[];
  /**
   * What the person wrote before agreeing to the notice, sealed: kept only here (never as a message),
   * screened at once, and used as their story once they agree; gone when they decline or erase.
   */
  held?: string;
  /** where the person is, as an ISO 3166-1 alpha-2 code ("SA", "MY", "ID"), once they said or it was read */
  country?: string;
  /** the place question was asked in this conversation (it is asked once) */
  placeAsked?: true;
  /** the full emergency block was sent in this conversation: later ones are short (numbers still there) */
  emergencyShown?: boolean;
  /** absent: "bot" */
  mode?: Mode;
  /** a caseworker's question "may we share your case with this partner?", waiting for its answer */
  shareAsk?: PendingShareAsk;
};

/** Side effects the flows may ask for; the conversation service implements them inside its transaction. */
export type EngineActions = {
  recordConsent(scope: string, granted: boolean): Promise<void>;
  /**
   * The person's answer to a caseworker's share question: a `share:<partnerId>` consent (with the question's
   * notice version), an event on the ticket it was asked from, and the audit row.
   */
  answerShareAsk(ask: { partnerId: string; ticketId: string }, granted: boolean): Promise<void>;
  /** opens the person's ticket of a type, or adds to the one still open */
  openTicket(request: TicketRequest, locale: Locale): Promise<OpenedTicket>;
  /** what Lentera holds about the person */
  describeData(): Promise<PersonData>;
  /** erases the person's messages and personal data at once (tickets pseudonymised) */
  erase(): Promise<void>;
  /** the active referral partners that offer any of these kinds of help (all of them when none is given), a few at most */
  listPartners(needs: readonly string[]): Promise<{ id: string; name: string }[]>;
  /** the person's open ticket of one of these types, if any (one open case per need) */
  findOpenTicket(types: readonly string[]): Promise<{ reference: string; type: string } | null>;
  /**
   * The person's ticket closed within the last 30 days, reopened (in progress again, with an event that
   * names who held it) because they wrote again; null when there is none.
   */
  reopenRecentTicket(): Promise<{ reference: string } | null>;
  /** encrypts what a flow collects before it is kept in the conversation state, and back */
  seal(value: unknown): string;
  unseal<T>(sealed: string): T;
};

export type EngineDeps = {
  t: Translate;
  now: () => Date;
  /** the help lines people are given, by where they are (a snapshot of the HelpLine table) */
  contacts: HelpLineDirectory;
  actions: EngineActions;
  /** SAFE_WORD: typed alone, it wipes like a channel's panic command */
  safeWord?: string;
};

export type TurnResult = { state: State; outputs: Output[] };

/** Whether a caseworker has the conversation. */
export function inHandoff(state: State): boolean {
  return state.mode === "human";
}

export function initialState(locale: Locale = "id"): State {
  return { version: 1, locale, languageChosen: false, consent: null, step: { name: "language" }, offered: [] };
}
