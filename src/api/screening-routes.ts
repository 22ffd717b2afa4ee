import { Hono } from "hono";
import { z } from "zod";
import type { Db } from "../db/create-prisma-client.ts";
import { assessText } from "../domain/screening/index.ts";
import { toScreeningTranslate } from "../engine/screening-translate.ts";
import type { Translate } from "../i18n/create-i18n.ts";
import { requireApiCaseworker, type CaseworkerEnv } from "./require-caseworker.ts";
import { validate } from "../http/validate.ts";

/** The body of `POST /api/screening/assess` (SCREENING.md). */
export const AssessRequest = z.strictObject({
  text: z.string().min(1).max(4000),
  locale: z.enum(["id", "en"]).optional(),
});
export type AssessRequest = z.infer<typeof AssessRequest>;

const Bilingual = z.strictObject({ id: z.string(), en: z.string() });

/** What `POST /api/screening/assess` answers (SCREENING.md, and the screening issue's added fields). */
export const AssessResponse = z.strictObject({
  language: z.string().describe("detected language of the text, ISO 639-1"),
  intent: z.enum(["help", "family_tracing", "information", "report_recruiter", "other"]),
  emergency: z.boolean(),
  safetyCheck: z.boolean().describe("a danger signal that is not a clear emergency: the bot asks the safety question"),
  selfHarm: z.boolean(),
  child: z.boolean(),
  indicators: z.array(
    z.strictObject({
      id: z.string().describe("an id of indicators.json"),
      category: z.string(),
      strength: z.enum(["strong", "medium", "weak"]),
      evidence: z.string().describe("the person's words that say this indicator (long spans keep both ends around …)"),
      name: Bilingual.describe("the indicator's human name, Indonesian and English"),
    }),
  ),
  palermo: z.strictObject({ act: z.boolean(), means: z.boolean(), purpose: z.boolean() }),
  risk: z.enum(["high", "medium", "low", "none"]),
  priority: z.enum(["urgent", "high", "normal", "low"]),
  explanation: Bilingual,
  littleUnderstood: z
    .boolean()
    .describe(
      "screening read little of the text (a language it does not read, or mostly unknown words): read it yourself",
    ),
  understanding: z.strictObject({
    words: z.number().int(),
    knownWords: z.number().int().describe("words some screening vocabulary or everyday Indonesian/English knows"),
    languageRead: z.boolean().describe("the language is one the rules are written in (Indonesian, English, Malay)"),
  }),
});

/**
 * `POST /api/screening/assess`: the screening engine for integrations, as SCREENING.md states it.
 * A caseworker's personal API token is required; the text is neither stored nor logged.
 */
export function createScreeningRoutes(deps: { db: Db; t: Translate }) {
  const translate = toScreeningTranslate(deps.t);
  const app = new Hono<CaseworkerEnv>();
  app.post("/assess", requireApiCaseworker(deps.db), validate("json", AssessRequest), (c) => {
    const { text, locale } = c.req.valid("json");
    return c.json(assessText(locale ? { text, locale } : { text }, translate));
  });
  return app;
}
