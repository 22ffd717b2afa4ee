import type { Cipher } from "../crypto/create-cipher.ts";
import type { Db } from "../db/create-prisma-client.ts";
import type { Caseworker, Channel } from "../db/generated/client.ts";
import type { HelpLineDirectory } from "../domain/contacts/help-line-directory.ts";
import type { EventBus } from "../events/event-bus.ts";
import type { Translate } from "../i18n/create-i18n.ts";

/** What every casework verb gets: the database, the cipher, translations, the clock and who is acting. */
export type CaseworkContext = {
  db: Db;
  cipher: Cipher;
  t: Translate;
  now: () => Date;
  actor: Caseworker;
  /** told after a commit that stored messages for a channel, so the outbox delivers them */
  onOutbound?: (channel: Channel) => void;
  /** the help lines the bot gives, for canned replies' `{{contacts}}` (the researched list when absent) */
  contacts?: HelpLineDirectory;
  /** where verbs publish what happened, after their commit (a ticket assigned to someone) */
  events?: EventBus;
};

/** The context for one acting caseworker, from the services both the console and the API hold. */
export function caseworkContextFor(deps: Omit<CaseworkContext, "actor">, actor: Caseworker): CaseworkContext {
  return {
    db: deps.db,
    cipher: deps.cipher,
    t: deps.t,
    now: deps.now,
    actor,
    ...(deps.onOutbound ? { onOutbound: deps.onOutbound } : {}),
    ...(deps.contacts ? { contacts: deps.contacts } : {}),
    ...(deps.events ? { events: deps.events } : {}),
  };
}
