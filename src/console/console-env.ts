import type { Caseworker, CaseworkerSession } from "../db/generated/client.ts";
import type { Locale } from "../i18n/create-i18n.ts";

/** What the console's middleware puts on the Hono context. */
export type ConsoleEnv = {
  Variables: {
    lang: Locale;
    caseworker: Caseworker;
    session: CaseworkerSession;
    secure: boolean;
  };
};
