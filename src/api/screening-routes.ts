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
