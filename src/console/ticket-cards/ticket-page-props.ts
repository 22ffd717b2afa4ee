import type { Child } from "hono/jsx";
import type { Caseworker, Partner } from "../../db/generated/client.ts";
import type { TicketView } from "../../casework/read-ticket.ts";
import type { Locale } from "../../i18n/create-i18n.ts";
import type { Tr } from "../layout.tsx";

/** What the ticket page and each of its cards are given. */
export type TicketPageProps = {
  tr: Tr;
  lang: Locale;
  caseworker: Caseworker;
  csrf: string;
  back?: string;
  view: TicketView;
  partners: Partner[];
  caseworkers: Pick<Caseworker, "id" | "name" | "role">[];
  now: Date;
  flash?: string;
  error?: string;
  /** a reply that was held back (outside safe times) and waits for confirmation */
  draft?: string;
  confirmSafeTimes?: boolean;
  /** a share question held back (outside safe times): the partner it was for, waiting for confirmation */
  confirmShareAsk?: string;
  /** the canned-reply picker shown above the reply box */
  cannedPicker?: Child;
  /** the case-work card (services, follow-ups, links, tags) */
  caseWorkCard?: Child;
  /** how each referral reaches its partner (email or by hand), with its printable form */
  referralDispatch?: (referralId: string) => Child;
};
