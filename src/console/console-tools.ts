import type { Context } from "hono";
import type { z } from "zod";
import { caseworkContextFor, type CaseworkContext } from "../casework/casework-context.ts";
import { CaseworkError } from "../casework/casework-error.ts";
import type { Db } from "../db/create-prisma-client.ts";
import type { Locale, Translate } from "../i18n/create-i18n.ts";
import type { ConsoleDeps } from "./console-deps.ts";
import type { ConsoleEnv } from "./console-env.ts";
import type { Tr } from "./layout.tsx";

/** What the console's sub-apps share: translations, the page frame, the casework context, form parsing. */
export type ConsoleTools = {
  db: Db;
  t: Translate;
  now: () => Date;
  publicUrl?: string;
  page: (c: Context<ConsoleEnv>) => {
    tr: Tr;
    lang: ConsoleEnv["Variables"]["lang"];
    caseworker: ConsoleEnv["Variables"]["caseworker"];
    csrf: string;
    back: string;
  };
  ctxOf: (c: Context<ConsoleEnv>) => CaseworkContext;
  form: <T extends z.ZodType>(c: Context<ConsoleEnv>, schema: T) => Promise<z.infer<T>>;
  tr: (c: Context<ConsoleEnv>) => Tr;
  /** the :reference of the path, checked (a malformed one is "not found") */
  reference: (c: Context<ConsoleEnv>) => string;
  /** the referral mailer (SMTP_URL): told after a referral is stored or resent */
  referrals?: { kick(): unknown };
};

/** The console's own tools: ConsoleTools plus its translators by language and the "done" flash message. */
export type OwnConsoleTools = ConsoleTools & {
  /** console:* strings in a language */
  trFor: (lang: Locale) => Tr;
  /** workday:* strings in a language */
  twFor: (lang: Locale) => Tr;
  /** the confirmation of the action just done (?done=…), when it is one of FLASHES */
  flash: (c: Context<ConsoleEnv>) => string | undefined;
};

const REFERENCE = /^[A-Za-z0-9-]{3,32}$/;
/** The ?done=… values that show a confirmation (console:flash.*). */
const FLASHES = [
  "claimed",
  "released",
  "reassigned",
  "status",
  "note",
  "sent",
  "handed_back",
  "referred",
  "referral_updated",
  "partner_saved",
  "account_saved",
  "whatsapp_relinked",
  "case_saved",
  "share_asked",
] as const;

export function createConsoleTools(deps: ConsoleDeps): OwnConsoleTools {
  const trFor =
    (lang: Locale): Tr =>
    (key, vars) =>
      deps.t(lang, `console:${key}`, vars);
  const twFor =
    (lang: Locale): Tr =>
    (key, vars) =>
      deps.t(lang, `workday:${key}`, vars);
  const tr = (c: Context<ConsoleEnv>) => trFor(c.get("lang"));
  return {
    db: deps.db,
    t: deps.t,
    now: deps.now,
    ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
    ...(deps.referrals ? { referrals: deps.referrals } : {}),
    trFor,
    twFor,
    tr,
    ctxOf: (c) => caseworkContextFor(deps, c.get("caseworker")),
    form: async (c, schema) => {
      const parsed = schema.safeParse(await c.req.parseBody());
      if (!parsed.success) throw new CaseworkError("invalid", "Check the form and try again.", "errors.invalid");
      return parsed.data;
    },
    reference: (c) => {
      const value = c.req.param("reference") ?? "";
      if (!REFERENCE.test(value)) throw new CaseworkError("not_found", "No such ticket.", "errors.ticket_not_found");
      return value;
    },
    flash: (c) => {
      const done = c.req.query("done");
      return done && (FLASHES as readonly string[]).includes(done) ? tr(c)(`flash.${done}`) : undefined;
    },
    page: (c) => ({
      tr: tr(c),
      lang: c.get("lang"),
      caseworker: c.get("caseworker"),
      csrf: c.get("session").csrfToken,
      back: c.req.path,
    }),
  };
}
