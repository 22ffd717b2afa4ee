import type { Cipher } from "../../crypto/create-cipher.ts";
import type { Db } from "../../db/create-prisma-client.ts";
import type { Caseworker, Channel } from "../../db/generated/client.ts";
import type { Translate } from "../../i18n/create-i18n.ts";

/** What every casework verb gets: the database, the cipher, translations, the clock and who is acting. */
export type CaseworkContext = {
  db: Db;
  cipher: Cipher;
  t: Translate;
  now: () => Date;
  actor: Caseworker;
  /** told after a commit that stored messages for a channel, so the outbox delivers them */
  onOutbound?: (channel: Channel) => void;
};
